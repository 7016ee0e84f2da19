import type { Minor } from '../money/amount.js';
import { addMonths } from '../calendar/months.js';
import type { Day } from '../calendar/day.js';
import type { BridgingLoan } from '../model/product.js';
import { drawToBuffer, repayAboveBuffer, type PolicyDayContext, type PolicyDecision, type KindPolicy, type PolicyMove, type FacilityTerm } from './engine.js';

/**
 * How a bridging loan behaves in the daily engine.
 *
 * - `single` drawdown: the whole limit on the first day. `staged`: drawn as cash would fall
 *   below the buffer, up to the limit; repaid principal cannot be drawn again.
 * - `monthly` interest is paid on the last day of each month and at term end; `rolled-up`
 *   interest (simple, not compounded) is paid at term end.
 * - `bullet`: all principal at term end. `cash-sweep`: each day, cash above the buffer repays
 *   principal (not on a day the loan draws). `amortising`: on each monthly anniversary of the
 *   start, the balance divided by the instalments left (rounded down to the penny); the last
 *   instalment, at term end, takes what is left.
 *
 * @param loan - a parsed bridging loan
 * @param term - the facility's first day and term end
 * @example
 * ```ts
 * runEngine(forecast, loan, limit, term, buffer, bridgingLoanPolicy(loan, term));
 * ```
 */
export function bridgingLoanPolicy(loan: BridgingLoan, term: FacilityTerm): KindPolicy {
  const instalmentDays: Day[] = [];
  if (loan.repayment === 'amortising') {
    for (let k = 1; addMonths(term.start, k) < term.end; k++) instalmentDays.push(addMonths(term.start, k));
  }
  const instalmentIndex = new Map(instalmentDays.map((day, k) => [day, k]));
  return {
    interestPosting: loan.interestPayment === 'monthly' ? 'monthly' : 'at-end',
    interestLabel: 'interest',
    redraw: false,
    decide(context: PolicyDayContext): PolicyDecision {
      const draws: PolicyMove[] = [];
      const repayments: PolicyMove[] = [];
      let draw: Minor = 0;
      if (loan.drawdown === 'single') {
        if (context.day === context.start) draw = context.headroom;
        if (draw > 0) draws.push({ amount: draw, description: 'loan drawn' });
      } else {
        draw = drawToBuffer(context);
        if (draw > 0) draws.push({ amount: draw, description: 'staged draw to keep cash at the buffer' });
      }
      if (loan.repayment === 'cash-sweep' && draw === 0 && context.day !== context.start) {
        const sweep = repayAboveBuffer(context);
        if (sweep > 0) repayments.push({ amount: sweep, description: 'cash sweep above the buffer' });
      } else if (loan.repayment === 'amortising') {
        const k = instalmentIndex.get(context.day);
        if (k !== undefined && context.balance > 0) {
          const left = instalmentDays.length - k + 1; // this one, the later ones and the final one at term end
          const amount = Math.floor(context.balance / left);
          if (amount > 0) repayments.push({ amount, description: `amortising instalment ${k + 1} of ${instalmentDays.length + 1}` });
        }
      }
      return { draws, repayments };
    },
  };
}
