import { scenarioJsonSchema, catalogueJsonSchema } from '../../model/json-schema.js';
import { UsageError } from '../io.js';
import type { Command } from '../command.js';

const SCHEMAS: Readonly<Record<string, () => unknown>> = Object.freeze({ scenario: scenarioJsonSchema, catalogue: catalogueJsonSchema });

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of an input (scenario or catalogue) for callers in other languages',
  usage: `bridgefit schema [${Object.keys(SCHEMAS).join('|')}]`,
  options: {},
  run({ positionals }, io) {
    const which = positionals[0] ?? 'scenario';
    const make = Object.hasOwn(SCHEMAS, which) ? SCHEMAS[which] : undefined;
    if (!make) throw new UsageError(`unknown schema "${which}"; choose one of: ${Object.keys(SCHEMAS).join(', ')}`);
    io.stdout(JSON.stringify(make(), null, 2));
    return 0;
  },
};
