/**
 * xirr benchmark: Microsoft's five-flow example and a 5-year monthly loan (61 flows), solved
 * repeatedly; checks the Microsoft answer (0.373362535, to 8 decimal places).
 */
import { xirr } from '../src/finance/xirr.js';
import { addMonths } from '../src/calendar/months.js';
import { formatDay, parseDay } from '../src/calendar/day.js';
import { time, timing, type BenchReport } from './types.js';

const MICROSOFT = [
  { date: '2008-01-01', amount: -10000 },
  { date: '2008-03-01', amount: 2750 },
  { date: '2008-10-30', amount: 4250 },
  { date: '2009-02-15', amount: 3250 },
  { date: '2009-04-01', amount: 2750 },
];

export default function run(): BenchReport {
  const start = parseDay('2026-01-01');
  // 1,000,000 lent, 60 monthly payments of 20,000: an irregular-spacing annuity.
  const loan = [{ date: '2026-01-01', amount: -1_000_000 }, ...Array.from({ length: 60 }, (_, k) => ({ date: formatDay(addMonths(start, k + 1)), amount: 20_000 }))];
  const batch = 1000;
  const ms = time(5, () => {
    let r = 0;
    for (let i = 0; i < batch; i++) r = xirr(MICROSOFT)!;
    return r;
  });
  const long = time(5, () => {
    let r = 0;
    for (let i = 0; i < batch; i++) r = xirr(loan)!;
    return r;
  });
  const ok = Math.abs(ms.result - 0.373362535) < 5e-9;
  return {
    name: 'xirr',
    rows: [
      { label: `xirr × ${batch}, 5 flows (Microsoft example)`, ...timing(ms), detail: `${((ms.minMs * 1000) / batch).toFixed(1)} µs per solve` },
      { label: `xirr × ${batch}, 61 monthly flows`, ...timing(long), detail: `${((long.minMs * 1000) / batch).toFixed(1)} µs per solve` },
    ],
    lines: [`Microsoft example: ${ms.result.toFixed(9)} (expected 0.373362535): ${ok ? 'ok' : 'WRONG'}; 5-year loan: ${long.result.toFixed(6)}`],
    ok,
  };
}
