/**
 * Downsampling of long daily series for drawing.
 *
 * A chart of a five-year daily ledger has ~1,800 points for ~700 pixel columns. Averaging or
 * taking every n-th day would smooth away a two-day dip below the buffer — the very gap the chart
 * exists to show. Instead, the days are split into buckets of one pixel column each, and from
 * every bucket we keep the **first, lowest, highest and last** day (the "M4" rule: Jugel et al.,
 * "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014). Drawn as a line, the
 * kept points cover exactly the same pixels as all the points would, so every trough and peak
 * (every gap) stays visible, and a series never has more than four points per pixel column.
 *
 * @module
 */

/**
 * The indices of `values` to draw when the series spans `columns` pixel columns: all of them
 * when there are at most `2 × columns`, otherwise per column the first, lowest, highest and last
 * index (ascending, without repeats). Ties keep the earliest index. Pure and deterministic.
 *
 * @param values - one value per day (minor units, or any numbers)
 * @param columns - pixel columns the series is drawn across (at least 1)
 * @returns ascending indices into `values`
 * @example
 * ```ts
 * downsampleIndices([5, 1, 9, 4, 4, 0, 7, 3], 1); // [0, 2, 5, 7]: first, highest (9), lowest (0), last
 * downsampleIndices([5, 1, 9], 4); // [0, 1, 2]: short series are kept whole
 * ```
 */
export function downsampleIndices(values: ArrayLike<number>, columns: number): number[] {
  const n = values.length;
  const cols = Math.max(1, Math.floor(columns));
  if (n <= 2 * cols) return Array.from({ length: n }, (_, i) => i);
  const keep: number[] = [];
  let from = 0;
  for (let c = 0; c < cols && from < n; c++) {
    // Bucket c holds indices i with floor(i × cols / n) === c.
    const to = Math.min(n, Math.ceil(((c + 1) * n) / cols));
    if (to <= from) continue;
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      if (values[i]! < values[lo]!) lo = i;
      if (values[i]! > values[hi]!) hi = i;
    }
    const picks = [from, lo, hi, to - 1].sort((a, b) => a - b);
    for (const p of picks) if (keep[keep.length - 1] !== p) keep.push(p);
    from = to;
  }
  return keep;
}
