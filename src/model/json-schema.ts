import { z } from 'zod';
import { ScenarioSchema } from './scenario.js';

/**
 * The JSON Schema (draft 2020-12) of a scenario as written in JSON, generated from the zod
 * schema, for callers in other languages. Cross-field rules (unique ids, dates in order,
 * references that resolve) are checked by {@link parseScenario} and cannot be expressed here.
 *
 * @example
 * ```ts
 * writeFileSync('scenario.schema.json', JSON.stringify(scenarioJsonSchema(), null, 2));
 * ```
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
