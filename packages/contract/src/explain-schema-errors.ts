import { describeData, describeTypeName, describeTypes, isObject, jsonEqual, quoteList, showValue, typeMatches } from './describe-json-value.js';
import type { JsonSchema, JsonSchemaObject } from './validator-catalog.js';

export type PathSegment = string | number;

export interface SchemaIssue {
  readonly message: string;
  /** OpenAI's notation (`input[0].content`), or null for the document root. */
  readonly param: string | null;
  /** OpenAI-style error code: `missing_required_parameter`, `invalid_type`, `invalid_value`, `unknown_parameter`, … */
  readonly code: string;
}

export interface ExplainOptions {
  /** Resolves a local `#/...` reference into the bundled document. */
  readonly resolve: (reference: string) => JsonSchema;
  /** Request bodies use OpenAI's words ("parameter", "Unrecognized request argument"); responses say "property". */
  readonly mode: 'request' | 'response';
  /** How to name the root value in messages, e.g. "the request body". */
  readonly rootLabel: string;
  /** How many schema nodes one explanation may visit (default 50,000). */
  readonly budget?: number;
}

const budgetExceeded = Symbol('explain budget exceeded');

interface Found {
  readonly issue: SchemaIssue;
  readonly depth: number;
}

export function formatParam(path: readonly PathSegment[]): string | null {
  if (path.length === 0) return null;
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

export function createSchemaExplainer(options: ExplainOptions) {
  const { resolve, mode } = options;
  const noun = mode === 'request' ? 'parameter' : 'property';

  const deref = (schema: JsonSchema): JsonSchema => {
    let current = schema;
    for (let hops = 0; typeof current === 'object' && typeof current.$ref === 'string' && Object.keys(current).length === 1 && hops < 32; hops += 1) {
      current = resolve(current.$ref);
    }
    return current;
  };

  const found = (code: string, path: readonly PathSegment[], message: (param: string) => string): Found => {
    const param = formatParam(path);
    return { issue: { message: message(param === null ? options.rootLabel : `'${param}'`), param, code }, depth: path.length };
  };

  /** The JSON types a schema can accept (inferred from keywords when `type` is absent); null = any. */
  const typeCache = new WeakMap<object, string[] | null>();
  const acceptedTypes = (schema: JsonSchema, seen = 0): string[] | null => {
    if (typeof schema === 'object' && typeCache.has(schema)) return typeCache.get(schema) ?? null;
    const types = inferTypes(schema, seen);
    if (typeof schema === 'object') typeCache.set(schema, types);
    return types;
  };
  const inferTypes = (schema: JsonSchema, seen: number): string[] | null => {
    const target = deref(schema);
    if (typeof target === 'boolean' || seen > 16) return null;
    if (target.type !== undefined) return typeof target.type === 'string' ? [target.type] : [...target.type];
    if ('const' in target) return [describeTypeName(target.const)];
    if (target.enum) return [...new Set(target.enum.map(describeTypeName))];
    const union = target.anyOf ?? target.oneOf;
    if (union) {
      const parts = union.map((branch) => acceptedTypes(branch, seen + 1));
      return parts.some((part) => part === null) ? null : [...new Set(parts.flat() as string[])];
    }
    if (target.allOf) {
      for (const member of target.allOf) {
        const types = acceptedTypes(member, seen + 1);
        if (types) return types;
      }
    }
    if (target.properties || target.required || target.additionalProperties !== undefined) return ['object'];
    if (target.items || target.prefixItems) return ['array'];
    return null;
  };

  const accepts = (schema: JsonSchema, data: unknown): boolean => {
    const types = acceptedTypes(schema);
    return types === null || types.some((type) => typeMatches(type, data) || (type === 'number' && Number.isInteger(data)));
  };

  /** The values a branch allows for a discriminating property; null = unconstrained. */
  const tagCache = new WeakMap<object, Map<string, Set<unknown> | null>>();
  const tagValues = (schema: JsonSchema, tag: string, seen = 0): Set<unknown> | null => {
    if (typeof schema !== 'object') return null;
    let byTag = tagCache.get(schema);
    if (!byTag) tagCache.set(schema, (byTag = new Map()));
    if (!byTag.has(tag)) byTag.set(tag, collectTagValues(schema, tag, seen));
    return byTag.get(tag) ?? null;
  };
  const collectTagValues = (schema: JsonSchema, tag: string, seen: number): Set<unknown> | null => {
    const target = deref(schema);
    if (typeof target === 'boolean' || seen > 16) return null;
    const property = target.properties?.[tag];
    if (property !== undefined) {
      const resolved = deref(property);
      if (typeof resolved === 'object' && 'const' in resolved) return new Set([resolved.const]);
      if (typeof resolved === 'object' && resolved.enum) return new Set(resolved.enum);
      return null;
    }
    for (const member of target.allOf ?? []) {
      const values = tagValues(member, tag, seen + 1);
      if (values) return values;
    }
    const union = target.anyOf ?? target.oneOf;
    if (!union) return null;
    const values = new Set<unknown>();
    for (const branch of union) {
      const branchValues = tagValues(branch, tag, seen + 1);
      if (!branchValues) return null;
      branchValues.forEach((value) => values.add(value));
    }
    return values;
  };

  const deepest = (candidates: readonly Found[][]): Found[] => {
    let best = candidates[0] ?? [];
    const depthOf = (issues: readonly Found[]) => Math.max(...issues.map((entry) => entry.depth));
    for (const issues of candidates.slice(1)) {
      const depth = depthOf(issues);
      const bestDepth = depthOf(best);
      if (depth > bestDepth || (depth === bestDepth && issues.length < best.length)) best = issues;
    }
    return best;
  };

  const checkUnion = (schema: JsonSchemaObject, branches: readonly JsonSchema[], data: unknown, path: readonly PathSegment[]): Found[] => {
    let candidates = branches.map((_, index) => index).filter((index) => accepts(branches[index]!, data));
    if (candidates.length === 0) {
      const types = branches.flatMap((branch) => acceptedTypes(branch) ?? []);
      return [found('invalid_type', path, (param) => `Invalid type for ${param}: expected ${describeTypes(types)}, but got ${describeData(data)} instead.`)];
    }
    if (isObject(data)) {
      const tags = [...new Set([schema.discriminator?.propertyName, 'type', 'role'].filter((tag): tag is string => typeof tag === 'string'))];
      for (const tag of tags) {
        if (data[tag] === undefined) continue;
        const constrained = candidates.map((index) => ({ index, values: tagValues(branches[index]!, tag) }));
        if (constrained.every((entry) => entry.values === null)) continue;
        const matching = constrained.filter((entry) => entry.values === null || entry.values.has(data[tag]));
        if (matching.length === 0) {
          const allowed = [...new Set(constrained.flatMap((entry) => [...(entry.values ?? [])]))];
          return [found('invalid_value', [...path, tag], () => `Invalid value: '${showValue(data[tag])}'. Supported values are: ${quoteList(allowed)}.`)];
        }
        candidates = matching.map((entry) => entry.index);
        break;
      }
    }
    // Branches of another JSON type, or with another tag value, cannot pass: only the candidates are checked.
    const results: Found[][] = [];
    for (const index of candidates) {
      const issues = check(branches[index]!, data, path);
      if (issues.length === 0) return [];
      results.push(issues);
    }
    return deepest(results);
  };

  const checkObject = (schema: JsonSchemaObject, data: Record<string, unknown>, path: readonly PathSegment[]): Found[] => {
    const issues: Found[] = [];
    for (const name of schema.required ?? []) {
      if (data[name] === undefined) issues.push(found('missing_required_parameter', [...path, name], (param) => `Missing required ${noun}: ${param}.`));
    }
    const count = Object.keys(data).length;
    if (typeof schema['maxProperties'] === 'number' && count > schema['maxProperties']) {
      const limit = schema['maxProperties'];
      issues.push(found('object_above_max_properties', path, (param) => `Invalid ${param}: too many properties. Expected an object with at most ${limit} properties, but got an object with ${count} properties instead.`));
    }
    if (typeof schema['minProperties'] === 'number' && count < schema['minProperties']) {
      const limit = schema['minProperties'];
      issues.push(found('object_below_min_properties', path, (param) => `Invalid ${param}: too few properties. Expected an object with at least ${limit} properties, but got an object with ${count} properties instead.`));
    }
    const propertyNames = schema['propertyNames'] as JsonSchema | undefined;
    if (propertyNames !== undefined) for (const name of Object.keys(data)) issues.push(...check(propertyNames, name, [...path, name]));
    const properties = schema.properties ?? {};
    for (const [name, value] of Object.entries(data)) {
      const propertySchema = properties[name];
      if (propertySchema !== undefined) {
        issues.push(...check(propertySchema, value, [...path, name]));
        continue;
      }
      const extra = schema.additionalProperties ?? (schema.unevaluatedProperties === false && !schema.allOf && !schema.anyOf && !schema.oneOf ? false : undefined);
      if (extra === false) {
        const unknown = path.length === 0 && mode === 'request'
          ? (param: string) => `Unrecognized request argument supplied: ${param}.`
          : (param: string) => `Unknown ${noun}: ${param}.`;
        issues.push(found('unknown_parameter', [...path, name], unknown));
      } else if (extra !== undefined && extra !== true) {
        issues.push(...check(extra, value, [...path, name]));
      }
    }
    return issues;
  };

  const checkScalars = (schema: JsonSchemaObject, data: unknown, path: readonly PathSegment[]): Found[] => {
    const issues: Found[] = [];
    if (typeof data === 'number') {
      const kind = schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer')) ? 'integer' : 'decimal';
      const limit = (below: boolean, operator: string, bound: number) =>
        issues.push(found(`${kind}_${below ? 'below_min' : 'above_max'}_value`, path, (param) => `Invalid ${param}: ${kind} ${below ? 'below minimum' : 'above maximum'} value. Expected a value ${operator} ${bound}, but got ${data} instead.`));
      if (schema.minimum !== undefined && data < schema.minimum) limit(true, '>=', schema.minimum);
      if (schema.exclusiveMinimum !== undefined && data <= schema.exclusiveMinimum) limit(true, '>', schema.exclusiveMinimum);
      if (schema.maximum !== undefined && data > schema.maximum) limit(false, '<=', schema.maximum);
      if (schema.exclusiveMaximum !== undefined && data >= schema.exclusiveMaximum) limit(false, '<', schema.exclusiveMaximum);
    }
    if (typeof data === 'string') {
      const length = [...data].length;
      if (schema.maxLength !== undefined && length > schema.maxLength) issues.push(found('string_above_max_length', path, (param) => `Invalid ${param}: string too long. Expected a string with maximum length ${schema.maxLength}, but got a string with length ${length} instead.`));
      if (schema.minLength !== undefined && length < schema.minLength) issues.push(found('string_below_min_length', path, (param) => `Invalid ${param}: string too short. Expected a string with minimum length ${schema.minLength}, but got a string with length ${length} instead.`));
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(data)) issues.push(found('invalid_value', path, (param) => `Invalid ${param}: string does not match pattern. Expected a string that matches the pattern '${schema.pattern}'.`));
    }
    if (Array.isArray(data)) {
      if (schema.maxItems !== undefined && data.length > schema.maxItems) issues.push(found('array_above_max_length', path, (param) => `Invalid ${param}: array too long. Expected an array with maximum length ${schema.maxItems}, but got an array with length ${data.length} instead.`));
      if (schema.minItems !== undefined && data.length < schema.minItems) {
        const got = data.length === 0 ? 'an empty array' : `an array with length ${data.length}`;
        issues.push(found(data.length === 0 ? 'empty_array' : 'array_below_min_length', path, (param) => `Invalid ${param}: ${data.length === 0 ? 'empty array' : 'array too short'}. Expected an array with minimum length ${schema.minItems}, but got ${got} instead.`));
      }
      const prefix = schema.prefixItems ?? [];
      // Like OpenAI, name the first bad item only (and do not walk the rest of a long list).
      for (let index = 0; index < data.length; index += 1) {
        const itemSchema = index < prefix.length ? prefix[index] : schema.items;
        const itemIssues = itemSchema === undefined ? [] : check(itemSchema, data[index], [...path, index]);
        if (itemIssues.length > 0) {
          issues.push(...itemIssues);
          break;
        }
      }
    }
    return issues;
  };

  let budget = 0;
  const check = (schema: JsonSchema, data: unknown, path: readonly PathSegment[]): Found[] => {
    budget -= 1;
    if (budget < 0) throw budgetExceeded;
    if (schema === true) return [];
    if (schema === false) return [found('unknown_parameter', path, (param) => `Unknown ${noun}: ${param}.`)];
    if (typeof schema.$ref === 'string') {
      const issues = check(resolve(schema.$ref), data, path);
      if (issues.length > 0 || Object.keys(schema).length === 1) return issues;
      const { $ref: _reference, ...siblings } = schema;
      return check(siblings, data, path);
    }
    if (schema.type !== undefined) {
      const types = typeof schema.type === 'string' ? [schema.type] : [...schema.type];
      if (!types.some((type) => typeMatches(type, data))) {
        return [found('invalid_type', path, (param) => `Invalid type for ${param}: expected ${describeTypes(types)}, but got ${describeData(data)} instead.`)];
      }
    }
    if ('const' in schema && !jsonEqual(schema.const, data)) {
      return [found('invalid_value', path, () => `Invalid value: '${showValue(data)}'. Supported values are: ${quoteList([schema.const])}.`)];
    }
    if (schema.enum && !schema.enum.some((value) => jsonEqual(value, data))) {
      return [found('invalid_value', path, () => `Invalid value: '${showValue(data)}'. Supported values are: ${quoteList(schema.enum ?? [])}.`)];
    }
    const issues = checkScalars(schema, data, path);
    if (isObject(data)) issues.push(...checkObject(schema, data, path));
    for (const member of schema.allOf ?? []) issues.push(...check(member, data, path));
    if (schema.anyOf) issues.push(...checkUnion(schema, schema.anyOf, data, path));
    if (schema.oneOf) issues.push(...checkUnion(schema, schema.oneOf, data, path));
    return issues;
  };

  /** Explains why `data` fails `schema`; an empty list means the explainer found nothing to say. */
  // Huge bodies must not make the error path expensive: past the budget, the caller falls back to Ajv's error.
  return (schema: JsonSchema, data: unknown, path: readonly PathSegment[] = []): SchemaIssue[] => {
    budget = options.budget ?? 50_000;
    try {
      return check(schema, data, path).map((entry) => entry.issue);
    } catch (error) {
      if (error === budgetExceeded) return [];
      throw error;
    }
  };
}
