import { contractDocument } from './contract-document.js';
import { coerceParameters } from './coerce-parameters.js';
import { createSchemaExplainer, formatParam } from './explain-schema-errors.js';
import type { OperationId } from './generated/operation-handlers.gen.js';
import { validatorCatalog } from './generated/validators.gen.js';
import type { JsonSchema, ValidatorCatalogEntry } from './validator-catalog.js';

export interface ValidationError {
  readonly message: string;
  /** OpenAI's notation: `input[0].content`, `tools[1].type`, `temperature`; null for the whole body. */
  readonly param: string | null;
  /** OpenAI-style code: `missing_required_parameter`, `invalid_type`, `invalid_value`, `unknown_parameter`, `empty_array`, … */
  readonly code: string;
}

export type ValidationResult = { readonly valid: true } | { readonly valid: false; readonly errors: readonly ValidationError[] };

/** The request parts, as the gateway parsed them (query and header values are strings or string arrays). */
export interface OperationRequestParts {
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly path?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, unknown>>;
}

export type RequestValidationResult =
  | { readonly valid: true; /** The query coerced to the declared types. */ readonly query: Readonly<Record<string, unknown>> }
  | { readonly valid: false; readonly errors: readonly ValidationError[] };

const schemaCache = new Map<string, JsonSchema>();

function resolveReference(reference: string): JsonSchema {
  const cached = schemaCache.get(reference);
  if (cached !== undefined) return cached;
  let current: unknown = contractDocument;
  for (const segment of reference.replace(/^#\//, '').split('/')) {
    const key = decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~');
    current = (current as Record<string, unknown> | undefined)?.[key];
  }
  if (current === undefined) throw new Error(`The contract has no schema at ${reference}`);
  schemaCache.set(reference, current as JsonSchema);
  return current as JsonSchema;
}

const explainRequest = createSchemaExplainer({ resolve: resolveReference, mode: 'request', rootLabel: 'the request body' });
const explainResponse = createSchemaExplainer({ resolve: resolveReference, mode: 'response', rootLabel: 'the body' });

function run(entry: ValidatorCatalogEntry, data: unknown, explain: typeof explainRequest): ValidationError[] {
  if (entry.validate(data)) return [];
  const issues = explain(entry.schema, data);
  if (issues.length > 0) return issues;
  // The explainer does not know every keyword (formats, for one): fall back to Ajv's first error.
  const first = entry.validate.errors?.[0];
  const path = (first?.instancePath ?? '').split('/').slice(1).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment.replaceAll('~1', '/').replaceAll('~0', '~')));
  const param = formatParam(path);
  const subject = param === null ? 'the value' : `'${param}'`;
  const rule = first?.keyword === 'format' ? `expected a value in the '${String(first.params['format'])}' format` : `breaks the contract's '${first?.keyword ?? 'schema'}' rule`;
  return [{ message: `Invalid ${subject}: ${rule}.`, param, code: 'invalid_value' }];
}

function lowerCaseKeys(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name.toLowerCase(), value]));
}

/** Validates a request's body, path, query and declared headers against the operation's contract. */
export function validateOperationRequest(operationId: OperationId, request: OperationRequestParts): RequestValidationResult {
  const errors: ValidationError[] = [];
  const body = validatorCatalog[`${operationId} body`];
  if (body) {
    if (request.body === undefined) {
      if (body.required) errors.push({ message: 'The request body is missing: send a JSON object.', param: null, code: 'missing_request_body' });
    } else {
      errors.push(...run(body, request.body, explainRequest));
    }
  }
  const pathEntry = validatorCatalog[`${operationId} path`];
  if (pathEntry) errors.push(...run(pathEntry, request.path ?? {}, explainRequest));
  const queryEntry = validatorCatalog[`${operationId} query`];
  const query = queryEntry ? coerceParameters(queryEntry.schema, request.query ?? {}, resolveReference) : { ...request.query };
  if (queryEntry) errors.push(...run(queryEntry, query, explainRequest));
  const headerEntry = validatorCatalog[`${operationId} headers`];
  if (headerEntry) {
    const headers = coerceParameters(headerEntry.schema, lowerCaseKeys(request.headers ?? {}), resolveReference);
    errors.push(...run(headerEntry, headers, explainRequest));
  }
  return errors.length > 0 ? { valid: false, errors } : { valid: true, query };
}

function responseEntry(operationId: OperationId, status: number, mediaType: string): ValidatorCatalogEntry | undefined {
  const statusKeys = [String(status), `${String(status)[0]}XX`, 'default'];
  for (const statusKey of statusKeys) {
    const entry = validatorCatalog[`${operationId} response ${statusKey} ${mediaType}`];
    if (entry) return entry;
  }
  return undefined;
}

/** Validates a JSON response body against the operation's documented response for that status. */
export function validateOperationResponse(operationId: OperationId, status: number, contentType: string, body: unknown): ValidationResult {
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  const entry = responseEntry(operationId, status, mediaType);
  if (!entry) {
    return { valid: false, errors: [{ message: `The contract documents no ${status} ${mediaType} response for ${operationId}.`, param: null, code: 'undocumented_response' }] };
  }
  const errors = run(entry, body, explainResponse);
  return errors.length > 0 ? { valid: false, errors } : { valid: true };
}

/** Validates one server-sent event (the parsed `data:` JSON) against the operation's event schema. */
export function validateStreamEvent(operationId: OperationId, event: unknown): ValidationResult {
  const entry = validatorCatalog[`${operationId} event`];
  if (!entry) return { valid: false, errors: [{ message: `${operationId} does not stream.`, param: null, code: 'undocumented_response' }] };
  const errors = run(entry, event, explainResponse);
  return errors.length > 0 ? { valid: false, errors } : { valid: true };
}
