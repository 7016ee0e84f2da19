/**
 * An investor platform: JSON in, JSON out.
 *
 * A social lender's underwriting service receives an enterprise's scenario and holds a catalogue
 * of products. It parses both at the edge (bad input throws a BridgefitInputError naming every
 * field), forecasts the need, ranks the products, and answers with plain JSON: amounts as exact
 * decimal strings in pounds (formatAmount), dates as ISO strings.
 *
 * Run it:   npx tsx examples/investor-platform.ts [scenario.json] [catalogue.json]
 */
import { readFileSync } from 'node:fs';
import { BridgefitInputError, formatAmount, matchProducts, parseCatalogue, parseScenario, safeParseScenario } from '../src/index.js';

const [scenarioFile = 'examples/children-services.json', catalogueFile = 'examples/catalogue.json'] = process.argv.slice(2);

/** What the platform's API would return for one enterprise. */
function underwrite(scenarioJson: unknown, catalogueJson: unknown) {
  const scenario = parseScenario(scenarioJson);
  const catalogue = parseCatalogue(catalogueJson);
  const result = matchProducts(scenario, catalogue);
  return {
    enterprise: { id: scenario.enterprise.id, name: scenario.enterprise.name },
    need: {
      peak: formatAmount(result.need.amount),
      currency: scenario.enterprise.currency,
      firstDayShort: result.need.firstDayShort,
      lastDayShort: result.need.lastDayShort,
    },
    eligible: result.matches.length,
    excluded: result.excludedCount,
    topMatches: result.matches.slice(0, 3).map((m) => ({
      rank: m.rank,
      productId: m.productId,
      product: m.productName,
      investor: m.investorName,
      kind: m.kind,
      limit: formatAmount(m.limit),
      termMonths: m.termMonths,
      coversNeed: m.coversNeed,
      cost: { interest: formatAmount(m.interest), fees: formatAmount(m.fees), total: formatAmount(m.totalCost) },
      effectiveAnnualRate: m.effectiveAnnualRate,
      daysToFunds: m.daysToFunds,
      score: m.score,
      explanation: m.explanation,
    })),
  };
}

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

// A request with a mistake gets the problems back as data, by path, instead of a crash.
const bad = safeParseScenario({ ...(read(scenarioFile) as object), horizon: { end: '2029-02-30' } });
const rejected = bad.success ? [] : bad.error.problems;

try {
  console.log(JSON.stringify({ response: underwrite(read(scenarioFile), read(catalogueFile)), exampleRejection: rejected }, null, 2));
} catch (error) {
  if (error instanceof BridgefitInputError) {
    console.log(JSON.stringify({ error: 'invalid input', problems: error.problems }, null, 2));
    process.exitCode = 1;
  } else throw error;
}
