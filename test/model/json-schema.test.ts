import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueJsonSchema, scenarioJsonSchema } from '../../src/model/json-schema.js';

// The JSON Schemas in docs/schema are for callers in other languages; they must not drift from
// the zod schemas they are generated from (`npm run schema` rewrites them).
describe('JSON Schema', () => {
  it('docs/schema/scenario.schema.json matches the scenario schema', () => {
    expect(JSON.parse(readFileSync('docs/schema/scenario.schema.json', 'utf8'))).toEqual(scenarioJsonSchema());
  });

  it('docs/schema/catalogue.schema.json matches the catalogue schema', () => {
    expect(JSON.parse(readFileSync('docs/schema/catalogue.schema.json', 'utf8'))).toEqual(catalogueJsonSchema());
  });

  it('describes amounts as strings or numbers and dates as strings, with required fields', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, { properties?: Record<string, { type?: unknown }>; required?: string[] }>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['enterprise', 'commissioners', 'contracts', 'horizon']));
    const enterprise = schema.properties.enterprise!;
    expect(enterprise.properties!.openingCash!.type).toEqual(['string', 'number']);
    expect(enterprise.properties!.openingCashDate!.type).toBe('string');
    expect(enterprise.required).toEqual(expect.arrayContaining(['id', 'name', 'legalForm', 'openingCash', 'openingCashDate']));
  });
});
