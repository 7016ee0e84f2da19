import { z } from 'zod';
import { ScenarioSchema } from './scenario.js';
import { CatalogueSchema } from './catalogue.js';

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

/**
 * The JSON Schema (draft 2020-12) of a catalogue of investors and their products, generated from
 * the zod schema. Cross-field rules (unique ids, each product's `investorId` matching its
 * investor, max ≥ min) are checked by {@link parseCatalogue}.
 *
 * @example
 * ```ts
 * writeFileSync('catalogue.schema.json', JSON.stringify(catalogueJsonSchema(), null, 2));
 * ```
 */
export function catalogueJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CatalogueSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
