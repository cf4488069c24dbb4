/** Number and time formats shared by the toolbar, tables and event log. */

/** Virtual ms as `m:ss.mmm` (or `h:mm:ss.mmm` past an hour). */
export function formatTick(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  const millis = String(total % 1000).padStart(3, '0');
  const seconds = Math.floor(total / 1000);
  const s = String(seconds % 60).padStart(2, '0');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}:${s}.${millis}`;
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${s}.${millis}`;
}

/** Epoch ms as `YYYY-MM-DD HH:MM:SS.mmm` UTC (record timestamps). */
export function formatTimestamp(epochMs: number): string {
  if (!Number.isFinite(epochMs) || epochMs < 0) return String(epochMs);
  return new Date(epochMs).toISOString().replace('T', ' ').slice(0, 23);
}

/** A speed as the toolbar shows it: `0.25×`, `1×`, `10×`. */
export function formatSpeed(speed: number): string {
  return `${Number(speed.toFixed(2))}×`;
}

/**
 * A member id as the group coordinator makes it — `client.id`, `-`, a random UUID
 * (`console-consumer-849a01b3-32eb-4f89-b31c-476ca4edd2df`) — shortened to the client id and the
 * UUID's first group, enough to tell two members apart in a narrow column.
 */
export function shortMemberId(memberId: string): string {
  const m = /^(.*-[0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.exec(memberId);
  return m ? `${m[1]}…` : memberId;
}
