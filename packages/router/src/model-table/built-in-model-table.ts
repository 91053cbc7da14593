import rawTable from './model-table.json' with { type: 'json' };
import type { ModelTable } from './model-table.js';
import { parseModelTable } from './parse-model-table.js';

let parsed: ModelTable | undefined;

/** The model table shipped with Switchyard (`src/model-table/model-table.json`), parsed and checked once. */
export function builtInModelTable(): ModelTable {
  parsed ??= parseModelTable(rawTable);
  return parsed;
}
