/** Renders rows as a Markdown table (also readable on a terminal). Numbers get `digits` decimals. */
export function formatTable(headers: string[], rows: Array<Array<string | number | null>>, digits = 2): string {
  const cells = rows.map((row) =>
    row.map((cell) => {
      if (cell === null) return '—';
      if (typeof cell === 'number') return Number.isFinite(cell) ? cell.toFixed(digits) : 'n/a';
      return cell;
    }),
  );
  const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((row) => (row[column] ?? '').length)));
  const line = (values: string[]): string => `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}
