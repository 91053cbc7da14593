import { nativeEndpoints, type ModelCapabilities, type ModelPrices, type NativeEndpoint } from './model-capabilities.js';
import { modelTableKey, type ModelTable, type ModelTableEntry } from './model-table.js';

/** A model table (or a config price block) that does not have the expected shape. */
export class ModelTableError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid model table: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
    this.name = 'ModelTableError';
    this.problems = problems;
  }
}

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPrice = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

function unknownKeys(value: Json, allowed: readonly string[], path: string, problems: string[]): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) problems.push(`${path}.${key} is not a known field`);
}

/** Checks a price block (`{input, cachedInput?, cacheWrite?, output}`, USD per million tokens). */
export function parseModelPrices(value: unknown, path: string, problems: string[]): ModelPrices | undefined {
  if (!isObject(value)) {
    problems.push(`${path} must be an object`);
    return undefined;
  }
  unknownKeys(value, ['input', 'cachedInput', 'cacheWrite', 'output'], path, problems);
  const before = problems.length;
  if (!isPrice(value['input'])) problems.push(`${path}.input must be a number >= 0`);
  if (!isPrice(value['output'])) problems.push(`${path}.output must be a number >= 0`);
  for (const key of ['cachedInput', 'cacheWrite'] as const) {
    if (value[key] !== undefined && !isPrice(value[key])) problems.push(`${path}.${key} must be a number >= 0`);
  }
  if (problems.length > before) return undefined;
  return {
    input: value['input'] as number,
    output: value['output'] as number,
    ...(value['cachedInput'] === undefined ? {} : { cachedInput: value['cachedInput'] as number }),
    ...(value['cacheWrite'] === undefined ? {} : { cacheWrite: value['cacheWrite'] as number }),
  };
}

/** Checks a capability block. */
export function parseModelCapabilities(value: unknown, path: string, problems: string[]): ModelCapabilities | undefined {
  if (!isObject(value)) {
    problems.push(`${path} must be an object`);
    return undefined;
  }
  unknownKeys(value, ['endpoints', 'tools', 'vision', 'reasoning', 'imageOutput'], path, problems);
  const before = problems.length;
  const endpoints = value['endpoints'];
  if (!Array.isArray(endpoints) || endpoints.length === 0 || !endpoints.every((entry) => nativeEndpoints.includes(entry as NativeEndpoint))) {
    problems.push(`${path}.endpoints must be a non-empty list of ${nativeEndpoints.join(', ')}`);
  }
  for (const key of ['tools', 'vision', 'reasoning', 'imageOutput'] as const) {
    if (typeof value[key] !== 'boolean') problems.push(`${path}.${key} must be a boolean`);
  }
  if (problems.length > before) return undefined;
  return {
    endpoints: [...new Set(endpoints as NativeEndpoint[])],
    tools: value['tools'] as boolean,
    vision: value['vision'] as boolean,
    reasoning: value['reasoning'] as boolean,
    imageOutput: value['imageOutput'] as boolean,
  };
}

function parseEntry(value: unknown, path: string, problems: string[]): ModelTableEntry | undefined {
  if (!isObject(value)) {
    problems.push(`${path} must be an object`);
    return undefined;
  }
  unknownKeys(value, ['provider', 'model', 'prices', 'contextWindow', 'maxOutput', 'capabilities', 'source', 'note'], path, problems);
  const before = problems.length;
  for (const key of ['provider', 'model'] as const) {
    if (typeof value[key] !== 'string' || value[key] === '') problems.push(`${path}.${key} must be a non-empty string`);
  }
  if (typeof value['provider'] === 'string' && value['provider'].includes('/')) problems.push(`${path}.provider must not contain "/"`);
  const prices = parseModelPrices(value['prices'], `${path}.prices`, problems);
  const capabilities = parseModelCapabilities(value['capabilities'], `${path}.capabilities`, problems);
  if (!isCount(value['contextWindow'])) problems.push(`${path}.contextWindow must be a positive integer`);
  if (!isCount(value['maxOutput'])) problems.push(`${path}.maxOutput must be a positive integer`);
  if (isCount(value['contextWindow']) && isCount(value['maxOutput']) && value['maxOutput'] > value['contextWindow']) {
    problems.push(`${path}.maxOutput must not exceed contextWindow`);
  }
  if (typeof value['source'] !== 'string' || !/^https:\/\/\S+$/.test(value['source'])) problems.push(`${path}.source must be an https URL`);
  if (value['note'] !== undefined && (typeof value['note'] !== 'string' || value['note'] === '')) problems.push(`${path}.note must be a non-empty string`);
  if (problems.length > before || prices === undefined || capabilities === undefined) return undefined;
  return {
    provider: value['provider'] as string,
    model: value['model'] as string,
    prices,
    contextWindow: value['contextWindow'] as number,
    maxOutput: value['maxOutput'] as number,
    capabilities,
    source: value['source'] as string,
    ...(value['note'] === undefined ? {} : { note: value['note'] as string }),
  };
}

/** Parses and checks a model table; throws a `ModelTableError` listing every problem. */
export function parseModelTable(value: unknown): ModelTable {
  const problems: string[] = [];
  if (!isObject(value)) throw new ModelTableError(['the table must be an object']);
  unknownKeys(value, ['$comment', 'checkedAt', 'models'], '$', problems);
  if (typeof value['checkedAt'] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value['checkedAt'])) problems.push('$.checkedAt must be a YYYY-MM-DD date');
  const rows = value['models'];
  if (!Array.isArray(rows)) throw new ModelTableError([...problems, '$.models must be an array']);
  const models: ModelTableEntry[] = [];
  const seen = new Set<string>();
  rows.forEach((row: unknown, index) => {
    const entry = parseEntry(row, `$.models[${index}]`, problems);
    if (entry === undefined) return;
    const key = modelTableKey(entry);
    if (seen.has(key)) problems.push(`$.models[${index}] repeats ${key}`);
    seen.add(key);
    models.push(entry);
  });
  if (problems.length > 0) throw new ModelTableError(problems);
  return { checkedAt: value['checkedAt'] as string, models };
}
