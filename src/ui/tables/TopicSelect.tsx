import { useT } from '../i18n/useT';
import { useSnapshot } from '../workbench/WorkbenchProvider';

/** A topic picker; '' means all (non-internal) topics. */
export function TopicSelect({
  value,
  onChange,
  allowAll = true,
}: {
  value: string;
  onChange: (topic: string) => void;
  allowAll?: boolean;
}) {
  const t = useT();
  const snapshot = useSnapshot();
  const names = (snapshot?.topics ?? []).map((topic) => topic.name);
  return (
    <label className="field">
      <span className="field__label">{t('table.topicFilter')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {allowAll ? <option value="">{t('table.allTopics')}</option> : <option value="" disabled />}
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
