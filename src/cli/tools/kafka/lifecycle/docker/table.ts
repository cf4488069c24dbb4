/**
 * The docker CLI's table output: Go's text/tabwriter with minwidth 10, padding 3 and no padding after
 * the last column (docker/cli cli/command/formatter `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`).
 */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(10, ...rows.map((r) => [...(r[c] ?? '')].length + 3)),
  );
  return rows
    .map(
      (r) =>
        r
          .map((cell, c) =>
            c === r.length - 1 ? cell : cell + ' '.repeat(widths[c]! - [...cell].length),
          )
          .join('') + '\n',
    )
    .join('');
}

/** `formatter.Ellipsis`: at most `max` characters, the last one `…` when cut. */
export function ellipsis(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
