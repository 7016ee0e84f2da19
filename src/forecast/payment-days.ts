import type { PaymentBehaviour } from '../model/payment-behaviour.js';
import { compileDelayDistribution, expectedDays, type DelayDistribution } from './delay-distribution.js';

/** A distribution with all its weight on one day. */
function pointMass(days: number): DelayDistribution {
  return { days: Int32Array.of(days), cumulative: Float64Array.of(1) };
}

/**
 * The distribution of days from invoice issue to cash under a payment behaviour, for an invoice
 * with `termsDays` payment terms: a point mass for `fixed-days` (its days) and `terms-plus-late`
 * (terms + days late), the compiled distribution otherwise.
 *
 * @example
 * ```ts
 * behaviourDistribution({ kind: 'terms-plus-late', typicalDaysLate: 45 }, 30).days; // Int32Array [75]
 * ```
 */
export function behaviourDistribution(behaviour: PaymentBehaviour, termsDays: number): DelayDistribution {
  switch (behaviour.kind) {
    case 'fixed-days':
      return pointMass(behaviour.daysToPay);
    case 'terms-plus-late':
      return pointMass(termsDays + behaviour.typicalDaysLate);
    default:
      return compileDelayDistribution(behaviour);
  }
}

/**
 * The days from issue to cash the deterministic forecast uses: exact for `fixed-days` and
 * `terms-plus-late`; for a distribution, the figure its `expectedBy` names (median by default).
 *
 * @example
 * ```ts
 * expectedDaysToPay({ kind: 'fixed-days', daysToPay: 60 }, 30); // 60
 * ```
 */
export function expectedDaysToPay(behaviour: PaymentBehaviour, termsDays: number): number {
  switch (behaviour.kind) {
    case 'fixed-days':
      return behaviour.daysToPay;
    case 'terms-plus-late':
      return termsDays + behaviour.typicalDaysLate;
    default:
      return expectedDays(compileDelayDistribution(behaviour), behaviour.expectedBy);
  }
}
