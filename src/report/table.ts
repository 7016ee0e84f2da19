/** Column alignment in a text table. */
export type Align = 'left' | 'right';

/**
 * Lays out rows as a plain-text table with a header rule; numbers are usually right-aligned.
 *
 * @param headers - column titles
 * @param rows - cells as strings, one array per row
 * @param align - per-column alignment; left by default
 * @example
 * ```ts
 * formatTable(['Month', 'Closing'], [['2026-04', '£12,000.00']], ['left', 'right']);
 * // "Month    Closing\n-------  ----------\n2026-04  £12,000.00"
 * ```
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (align[c] === 'right' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
