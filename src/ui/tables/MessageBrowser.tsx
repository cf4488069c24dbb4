import { useEffect, useRef, useState } from 'react';
import type { PartitionRecords } from '../../worker/protocol';
import { useAppActor, useAppSelector } from '../app/actorContexts';
import { formatTimestamp } from '../format';
import { useT } from '../i18n/useT';
import { useSnapshot, useWorkbench } from '../workbench/WorkbenchProvider';
import { TopicSelect } from './TopicSelect';

/** Records a page shows. */
const pageSize = 50;

/**
 * The records of one partition, read from its leader's log through the worker: offset, time,
 * key, value, headers; records above the high watermark are marked as not yet visible to
 * consumers. Follows the partition highlighted elsewhere.
 */
export function MessageBrowser() {
  const t = useT();
  const app = useAppActor();
  const { remote } = useWorkbench();
  const snapshot = useSnapshot();
  const selection = useAppSelector((s) => s.context.selection);
  const topic = selection.kind === 'partition' || selection.kind === 'topic' ? selection.topic : '';
  const partition = selection.kind === 'partition' ? selection.partition : undefined;
  const info = snapshot?.topics.find((x) => x.name === topic);
  const p = partition === undefined ? undefined : info?.partitions[partition];
  /** null: the newest page. */
  const [from, setFrom] = useState<number | null>(null);
  const [page, setPage] = useState<{ key: string; records: PartitionRecords | null }>();
  const changeKey = p ? `${p.leader}:${p.logStartOffset}:${p.logEndOffset}:${p.highWatermark}` : '';
  const start = from ?? Math.max(p?.logStartOffset ?? 0, (p?.logEndOffset ?? 0) - pageSize);
  const requestKey = `${topic}:${partition}:${start}:${changeKey}`;

  useEffect(() => setFrom(null), [topic, partition]);
  useEffect(() => {
    if (!topic || partition === undefined) return;
    let cancelled = false;
    void remote.readRecords(topic, partition, start, pageSize).then((records) => {
      if (!cancelled) setPage({ key: requestKey, records });
    });
    return () => {
      cancelled = true;
    };
  }, [remote, topic, partition, start, requestKey]);

  const choose = (nextTopic: string, nextPartition = 0) =>
    app.send(
      nextTopic
        ? { type: 'select.partition', topic: nextTopic, partition: nextPartition }
        : { type: 'select.clear' },
    );
  // Opened with nothing chosen: the first topic of the learner's, partition 0 (once; clearing the
  // choice afterwards is respected).
  const opened = useRef(false);
  const firstTopic = snapshot?.topics.find((x) => !x.internal)?.name;
  useEffect(() => {
    if (opened.current || !snapshot) return;
    opened.current = true;
    if (!topic && firstTopic) choose(firstTopic, 0);
  });
  const records = page?.records;
  return (
    <div className="message-browser" data-testid="message-browser">
      <div className="panel-controls">
        <TopicSelect value={topic} onChange={(next) => choose(next)} allowAll={false} />
        {info && (
          <label className="field">
            <span className="field__label">{t('messages.partition')}</span>
            <select
              data-testid="messages-partition"
              value={partition ?? ''}
              onChange={(e) => choose(topic, Number(e.target.value))}
            >
              {partition === undefined && <option value="" disabled />}
              {info.partitions.map((x) => (
                <option key={x.partition} value={x.partition}>
                  {x.partition}
                </option>
              ))}
            </select>
          </label>
        )}
        {p && (
          <>
            <label className="field">
              <span className="field__label">{t('messages.from')}</span>
              <input
                className="field__offset"
                data-testid="messages-from"
                type="number"
                min={0}
                value={start}
                onChange={(e) => setFrom(Math.max(0, Number(e.target.value) || 0))}
              />
            </label>
            <button
              type="button"
              className="button"
              data-testid="messages-oldest"
              onClick={() => setFrom(p.logStartOffset)}
            >
              {t('messages.oldest')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="messages-older"
              onClick={() => setFrom(Math.max(p.logStartOffset, start - pageSize))}
            >
              {t('messages.older')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="messages-newer"
              onClick={() => setFrom(start + pageSize)}
            >
              {t('messages.newer')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="messages-latest"
              onClick={() => setFrom(null)}
            >
              {t('messages.latest')}
            </button>
          </>
        )}
      </div>
      {!p ? (
        <p className="empty" data-testid="messages-empty">
          {topic && !info ? t('messages.unknown') : t('messages.pick')}
        </p>
      ) : page === undefined ? (
        <p className="empty" data-testid="messages-empty">
          {t('messages.loading')}
        </p>
      ) : !records ? (
        <p className="empty" data-testid="messages-empty">
          {t('messages.unknown')}
        </p>
      ) : (
        <>
          <p className="muted" data-testid="messages-source">
            {t('messages.source', {
              broker: records.brokerId,
              start: records.logStartOffset,
              leo: records.logEndOffset,
              hw: records.highWatermark,
            })}
          </p>
          {records.records.length === 0 ? (
            <p className="empty" data-testid="messages-empty">
              {t('messages.empty')}
            </p>
          ) : (
            <table className="data-table" data-testid="messages-table">
              <thead>
                <tr>
                  <th className="num">{t('col.offset')}</th>
                  <th>{t('col.timestamp')}</th>
                  <th>{t('col.key')}</th>
                  <th>{t('col.value')}</th>
                  <th>{t('col.headers')}</th>
                  <th className="num" title={t('col.epoch')}>
                    {t('col.epochShort')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {records.records.map((r) => {
                  const uncommitted = r.offset >= records.highWatermark;
                  return (
                    <tr
                      key={r.offset}
                      data-testid={`message-row-${r.offset}`}
                      data-committed={!uncommitted}
                      className={uncommitted ? 'is-uncommitted' : undefined}
                      title={uncommitted ? t('messages.aboveHw') : undefined}
                    >
                      <td className="num">{r.offset}</td>
                      <td className="mono nowrap">{formatTimestamp(r.timestamp)}</td>
                      <td className="mono">
                        {r.key ?? <span className="muted">{t('messages.null')}</span>}
                      </td>
                      <td className="mono value-cell">
                        {r.value ?? <span className="muted">{t('messages.null')}</span>}
                      </td>
                      <td className="mono">
                        {r.headers
                          .map((h) => `${h.key}:${h.value ?? t('messages.null')}`)
                          .join(', ')}
                      </td>
                      <td className="num">{r.leaderEpoch}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
