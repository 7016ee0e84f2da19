import { Dec } from '../money/rate.js';
import type { RevolvingFacility } from '../model/product.js';
import { keepAtBuffer, type KindPolicy } from './engine.js';

/**
 * How a revolving facility behaves in the daily engine: it draws when cash would fall below the
 * buffer (up to the limit, including today's charges) and repays from cash above the buffer;
 * repaid amounts can be drawn again. Interest is paid monthly; the commitment fee accrues daily
 * on the undrawn limit and the utilisation fee (if any) on the drawn balance, both posted
 * monthly. With `renewal: 'annual'` the arrangement fee is charged again every 12 months.
 *
 * @param facility - a parsed revolving facility
 * @example
 * ```ts
 * runEngine(forecast, facility, limit, term, buffer, revolvingFacilityPolicy(facility));
 * ```
 */
export function revolvingFacilityPolicy(facility: RevolvingFacility): KindPolicy {
  return {
    interestPosting: 'monthly',
    interestLabel: 'interest',
    redraw: true,
    commitmentFeeRate: new Dec(facility.commitmentFeeRate),
    ...(facility.utilisationFeeRate !== undefined ? { utilisationFeeRate: new Dec(facility.utilisationFeeRate) } : {}),
    renewsAnnually: facility.renewal === 'annual',
    decide: keepAtBuffer('draw to keep cash at the buffer'),
  };
}
