import { requestPaste } from '../app/workbenchEvents';
import { useT } from '../i18n/useT';
import { sandboxSteps } from './sandboxCommands';

/** The left panel without a lesson: what the sandbox is, commands to try, how to read the diagram. */
export function SandboxPanel() {
  const t = useT();
  return (
    <div className="sandbox">
      <h2>{t('sandbox.title')}</h2>
      <p>{t('sandbox.intro')}</p>
      <h3>{t('sandbox.tryTitle')}</h3>
      <ol className="sandbox__steps">
        {sandboxSteps.map((step) => (
          <li key={step.text}>
            <p>{t(step.text)}</p>
            {step.command && (
              <button
                type="button"
                className="command"
                data-testid={`sandbox-command-${step.text.replace('sandbox.try', '').toLowerCase()}`}
                onClick={() => {
                  requestPaste(step.command!);
                  void navigator.clipboard?.writeText(step.command!).catch(() => undefined);
                }}
              >
                <code>{step.command}</code>
              </button>
            )}
          </li>
        ))}
      </ol>
      <h3>{t('sandbox.legendTitle')}</h3>
      <ul className="legend">
        <li>
          <span className="legend__swatch replica-swatch replica-swatch--leader" aria-hidden="true">
            ★
          </span>
          {t('sandbox.legendLeader')}
        </li>
        <li>
          <span
            className="legend__swatch replica-swatch replica-swatch--in-sync"
            aria-hidden="true"
          />
          {t('sandbox.legendInSync')}
        </li>
        <li>
          <span
            className="legend__swatch replica-swatch replica-swatch--out-of-sync"
            aria-hidden="true"
          />
          {t('sandbox.legendOutOfSync')}
        </li>
        <li>
          <span
            className="legend__swatch replica-swatch replica-swatch--offline"
            aria-hidden="true"
          />
          {t('sandbox.legendOffline')}
        </li>
      </ul>
      <p className="muted">{t('sandbox.playHint')}</p>
    </div>
  );
}
