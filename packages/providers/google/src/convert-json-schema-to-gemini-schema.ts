import type { GeminiSchema } from './gemini-api.js';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords Gemini's schema subset has no place for; they are dropped and reported once each. */
const ignoredKeywords = new Set(['additionalProperties', 'default', 'examples', 'pattern', 'minLength', 'maxLength', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'uniqueItems']);

export interface GeminiSchemaConversion {
  readonly schema: GeminiSchema | undefined;
  /** JSON Schema keywords that were dropped (no Gemini equivalent), sorted. */
  readonly dropped: string[];
}

/**
 * JSON Schema → Gemini's OpenAPI 3.0 subset (https://ai.google.dev/api/caching#Schema):
 * `type: [X, "null"]` → `type: X, nullable: true`; `const` → a one-value `enum`; `oneOf` →
 * `anyOf`; local `$ref`s into `$defs`/`definitions` are inlined (recursion is cut at depth 16);
 * enums become strings. An empty object schema (`{type:"object"}` without properties) is kept
 * as `{type:"object"}`. Unknown keywords are dropped and listed.
 */
export function convertJsonSchemaToGeminiSchema(schema: unknown): GeminiSchemaConversion {
  const dropped = new Set<string>();
  const root = isObject(schema) ? schema : {};
  const definitions = { ...(isObject(root['definitions']) ? root['definitions'] : {}), ...(isObject(root['$defs']) ? root['$defs'] : {}) };
  const converted = isObject(schema) ? convert(schema, definitions, dropped, 0) : undefined;
  return { schema: converted, dropped: [...dropped].sort() };
}

function resolveReference(reference: string, definitions: JsonObject): JsonObject | undefined {
  const match = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(reference);
  const target = match === null ? undefined : definitions[decodeURIComponent(match[1] as string)];
  return isObject(target) ? target : undefined;
}

function convert(node: JsonObject, definitions: JsonObject, dropped: Set<string>, depth: number): GeminiSchema {
  if (typeof node['$ref'] === 'string') {
    const target = depth < 16 ? resolveReference(node['$ref'], definitions) : undefined;
    if (target !== undefined) return convert(target, definitions, dropped, depth + 1);
    dropped.add('$ref');
    return {};
  }
  const result: GeminiSchema = {};
  const rawType = node['type'];
  const types = Array.isArray(rawType) ? rawType.filter((entry): entry is string => typeof entry === 'string') : typeof rawType === 'string' ? [rawType] : [];
  const nonNull = types.filter((entry) => entry !== 'null');
  if (nonNull.length > 0) result.type = nonNull[0] as string;
  if (nonNull.length > 1) dropped.add('type');
  if (types.includes('null') || node['nullable'] === true) result.nullable = true;
  if (typeof node['title'] === 'string') result.title = node['title'];
  if (typeof node['description'] === 'string') result.description = node['description'];
  if (typeof node['format'] === 'string') result.format = node['format'];
  if (Array.isArray(node['enum'])) result.enum = node['enum'].filter((value) => value !== null).map(String);
  if (node['const'] !== undefined && node['const'] !== null) result.enum = [String(node['const'])];
  if (result.enum !== undefined && result.type === undefined) result.type = 'string';
  for (const key of ['minItems', 'maxItems', 'minimum', 'maximum'] as const) {
    if (typeof node[key] === 'number') result[key] = node[key] as number;
  }
  if (isObject(node['properties'])) {
    result.properties = Object.fromEntries(
      Object.entries(node['properties']).map(([name, value]) => [name, isObject(value) ? convert(value, definitions, dropped, depth + 1) : {}]),
    );
    if (result.type === undefined) result.type = 'object';
  }
  if (Array.isArray(node['required'])) result.required = node['required'].filter((entry): entry is string => typeof entry === 'string');
  if (Array.isArray(node['propertyOrdering'])) result.propertyOrdering = node['propertyOrdering'].filter((entry): entry is string => typeof entry === 'string');
  if (isObject(node['items'])) result.items = convert(node['items'], definitions, dropped, depth + 1);
  const alternatives = Array.isArray(node['anyOf']) ? node['anyOf'] : Array.isArray(node['oneOf']) ? node['oneOf'] : undefined;
  if (alternatives !== undefined) {
    const branches = alternatives.filter(isObject);
    const nullBranch = branches.some((branch) => branch['type'] === 'null');
    const rest = branches.filter((branch) => branch['type'] !== 'null').map((branch) => convert(branch, definitions, dropped, depth + 1));
    if (nullBranch) result.nullable = true;
    if (rest.length === 1) Object.assign(result, rest[0], nullBranch ? { nullable: true } : {});
    else if (rest.length > 1) result.anyOf = rest;
  }
  if (Array.isArray(node['allOf'])) dropped.add('allOf');
  for (const key of Object.keys(node)) {
    // `additionalProperties: false` (every strict OpenAI schema) is what Gemini does anyway.
    if (key === 'additionalProperties' && node[key] === false) continue;
    if (ignoredKeywords.has(key)) dropped.add(key);
  }
  return result;
}
