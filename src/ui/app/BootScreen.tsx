import { useT } from '../i18n/useT';

/** Shown until the simulation worker answers. */
export function BootScreen() {
  const t = useT();
  return (
    <div className="boot-screen" role="status">
      <h1>{t('app.title')}</h1>
      <p>{t('app.booting')}</p>
    </div>
  );
}
