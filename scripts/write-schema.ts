// Writes the JSON Schemas of bridgefit's inputs into docs/schema/ for callers in other languages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { catalogueJsonSchema, scenarioJsonSchema } from '../src/index.js';

mkdirSync('docs/schema', { recursive: true });
writeFileSync('docs/schema/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
writeFileSync('docs/schema/catalogue.schema.json', `${JSON.stringify(catalogueJsonSchema(), null, 2)}\n`);
console.log('wrote docs/schema/scenario.schema.json and docs/schema/catalogue.schema.json');
