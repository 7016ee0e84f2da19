/**
 * Orders strings by UTF-16 code units: locale-independent, so sorting ids and ISO dates gives the
 * same order on every machine (`localeCompare` would not).
 *
 * @example
 * ```ts
 * ['b', 'B', 'a'].sort(compareText); // ['B', 'a', 'b']
 * compareText('2026-04-01', '2026-03-31'); // 1
 * ```
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
