import type { JsonSchema, JsonSchemaObject } from './validator-catalog.js';

type Resolve = (reference: string) => JsonSchema;

function schemaTypes(schema: JsonSchema | undefined, resolve: Resolve, depth = 0): Set<string> {
  const types = new Set<string>();
  if (schema === undefined || typeof schema === 'boolean' || depth > 8) return types;
  if (typeof schema.$ref === 'string') return schemaTypes(resolve(schema.$ref), resolve, depth + 1);
  if (typeof schema.type === 'string') types.add(schema.type);
  else if (Array.isArray(schema.type)) schema.type.forEach((type) => types.add(type));
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    schemaTypes(branch, resolve, depth + 1).forEach((type) => types.add(type));
  }
  if (types.size === 0 && schema.items !== undefined) types.add('array');
  return types;
}

function itemSchema(schema: JsonSchema | undefined, resolve: Resolve): JsonSchema | undefined {
  if (schema === undefined || typeof schema === 'boolean') return undefined;
  if (typeof schema.$ref === 'string') return itemSchema(resolve(schema.$ref), resolve);
  return schema.items ?? [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].map((branch) => itemSchema(branch, resolve)).find(Boolean);
}

function coerceScalar(value: unknown, types: Set<string>): unknown {
  if (typeof value !== 'string') return value;
  if (types.has('string') && !types.has('integer') && !types.has('number') && !types.has('boolean')) return value;
  if (types.has('integer') && /^-?\d+$/.test(value)) return Number(value);
  if (types.has('number') && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  if (types.has('null') && value === 'null') return null;
  return value;
}

/**
 * Turns query (or header) strings into the types the parameter schemas declare: integers, numbers,
 * booleans, and arrays from repeated keys or `name[]` keys (`include[]=a&include[]=b`). A value that
 * does not parse is left as it is, so validation reports the type error.
 */
export function coerceParameters(schema: JsonSchemaObject, values: Readonly<Record<string, unknown>>, resolve: Resolve): Record<string, unknown> {
  const properties = schema.properties ?? {};
  const coerced: Record<string, unknown> = {};
  for (const [rawName, value] of Object.entries(values)) {
    if (value === undefined) continue;
    let name = rawName;
    if (!(name in properties)) {
      if (name.endsWith('[]') && name.slice(0, -2) in properties) name = name.slice(0, -2);
      else if (`${name}[]` in properties) name = `${name}[]`;
    }
    const types = schemaTypes(properties[name], resolve);
    if (types.has('array')) {
      const itemTypes = schemaTypes(itemSchema(properties[name], resolve), resolve);
      const list = Array.isArray(value) ? value : [value];
      const previous = coerced[name];
      const merged = Array.isArray(previous) ? [...previous, ...list] : list;
      coerced[name] = merged.map((item) => coerceScalar(item, itemTypes));
    } else {
      coerced[name] = Array.isArray(value) && value.length === 1 ? coerceScalar(value[0], types) : coerceScalar(value, types);
    }
  }
  return coerced;
}
