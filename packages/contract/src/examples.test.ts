// Checks every example of the bundled contract against its own schema with Ajv 2020: request
// bodies, JSON responses, parameters, headers, and each event of every SSE transcript.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';

type JsonObject = { [key: string]: unknown };

const agreedOperationIds = [
  'createResponse', 'getResponse', 'deleteResponse', 'cancelResponse', 'listInputItems', 'countInputTokens',
  'compactResponse', 'createChatCompletion', 'listModels', 'retrieveModel', 'getHealth', 'getReadiness',
  'createAdminKey', 'listAdminKeys', 'getAdminKey', 'updateAdminKey', 'revokeAdminKey', 'getAdminUsage',
];
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const documentId = 'https://switchyard.invalid/contract.json';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const openapiRoot = resolve(packageRoot, '../../openapi');
const bundledPath = join(packageRoot, 'bundled/openapi.json');

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function newestModification(directory: string): number {
  return readdirSync(directory, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(directory, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }, 0);
}

/**
 * The generated bundle (`pnpm generate`) when it is newer than every source file; otherwise a fresh
 * bundle made with the package's own redocly into a temporary folder. This runs when the module loads,
 * not in `beforeAll`, because `it.each` needs the list of examples while the tests are collected.
 */
function loadBundledDocument(): JsonObject {
  if (existsSync(bundledPath) && statSync(bundledPath).mtimeMs >= newestModification(openapiRoot)) {
    return JSON.parse(readFileSync(bundledPath, 'utf8')) as JsonObject;
  }
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
  const directory = mkdtempSync(join(tmpdir(), 'switchyard-contract-'));
  try {
    const output = join(directory, 'openapi.json');
    execFileSync(process.execPath, [cli, 'bundle', join(openapiRoot, 'openapi.yaml'), '-o', output, '--ext', 'json'], {
      stdio: 'pipe',
    });
    return JSON.parse(readFileSync(output, 'utf8')) as JsonObject;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function resolvePointer(root: JsonObject, pointer: string): unknown {
  return pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, segment) => (isObject(node) ? node[segment] : undefined), root);
}

/** Follows local `$ref`s; returns the object and the pointer it lives at. */
function follow(root: JsonObject, node: unknown, pointer: string): { node: JsonObject; pointer: string } {
  let current = node;
  let location = pointer;
  while (isObject(current) && typeof current.$ref === 'string') {
    location = current.$ref;
    current = resolvePointer(root, location);
  }
  if (!isObject(current)) throw new Error(`${pointer} does not resolve to an object`);
  return { node: current, pointer: location };
}

function withoutDiscriminatorMappings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDiscriminatorMappings);
  if (!isObject(value)) return value;
  const copy: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] = key === 'discriminator' && isObject(child) ? { propertyName: child.propertyName } : withoutDiscriminatorMappings(child);
  }
  return copy;
}

interface Operation {
  readonly label: string;
  readonly pointer: string;
  readonly operation: JsonObject;
  /** The path item's parameters, then the operation's own. */
  readonly parameters: ReadonlyArray<{ readonly parameter: unknown; readonly pointer: string }>;
}

interface ExampleCase {
  readonly name: string;
  readonly schemaPointer: string;
  readonly value: unknown;
  readonly mediaType: string | null;
  readonly eventSchema: string | null;
}

function listOperations(document: JsonObject): Operation[] {
  const paths = isObject(document.paths) ? document.paths : {};
  return Object.entries(paths).flatMap(([path, item]) => {
    const resolved = follow(document, item, `#/paths/${escapePointer(path)}`);
    const shared = Array.isArray(resolved.node.parameters) ? resolved.node.parameters : [];
    return methods
      .filter((method) => isObject(resolved.node[method]))
      .map((method) => ({
        label: `${method.toUpperCase()} ${path}`,
        pointer: `${resolved.pointer}/${method}`,
        operation: resolved.node[method] as JsonObject,
        parameters: [
          ...shared.map((parameter, index) => ({ parameter, pointer: `${resolved.pointer}/parameters/${index}` })),
          ...((resolved.node[method] as JsonObject).parameters as unknown[] | undefined ?? []).map((parameter, index) => ({
            parameter,
            pointer: `${resolved.pointer}/${method}/parameters/${index}`,
          })),
        ],
      }));
  });
}

/** Every example under an object that carries `example`/`examples` next to a `schema`. */
function examplesOf(document: JsonObject, label: string, holder: JsonObject, holderPointer: string, mediaType: string | null): ExampleCase[] {
  if (!isObject(holder.schema)) return [];
  const schemaPointer = `${holderPointer}/schema`;
  const reference = typeof holder.schema.$ref === 'string' ? holder.schema.$ref : null;
  const eventSchema = mediaType === 'text/event-stream' ? (reference?.split('/').pop() ?? 'inline') : null;
  const cases: ExampleCase[] = [];
  if ('example' in holder) cases.push({ name: `${label}: example`, schemaPointer, value: holder.example, mediaType, eventSchema });
  for (const [key, entry] of Object.entries(isObject(holder.examples) ? holder.examples : {})) {
    const example = follow(document, entry, `${holderPointer}/examples/${escapePointer(key)}`).node;
    cases.push({ name: `${label}: ${key}`, schemaPointer, value: example.value, mediaType, eventSchema });
  }
  return cases;
}

function contentExamples(document: JsonObject, label: string, holder: JsonObject, pointer: string): ExampleCase[] {
  const content = isObject(holder.content) ? holder.content : {};
  return Object.entries(content).flatMap(([mediaType, media]) =>
    isObject(media) ? examplesOf(document, `${label} ${mediaType}`, media, `${pointer}/content/${escapePointer(mediaType)}`, mediaType) : [],
  );
}

/** Collects each example once, named after the place it is declared (shared components once). */
function collectExamples(document: JsonObject): ExampleCase[] {
  const byLocation = new Map<string, ExampleCase>();
  const add = (cases: ExampleCase[]) => cases.forEach((entry) => byLocation.set(`${entry.schemaPointer}|${entry.name.split(': ').pop()}`, entry));
  const named = (pointer: string, fallback: string) => {
    const match = /^#\/components\/(\w+)\/([^/]+)$/.exec(pointer);
    return match ? `components.${match[1]}.${match[2]}` : fallback;
  };
  for (const { label, pointer, operation, parameters } of listOperations(document)) {
    for (const { parameter, pointer: parameterPointer } of parameters) {
      const resolved = follow(document, parameter, parameterPointer);
      add(examplesOf(document, `${named(resolved.pointer, label)} parameter ${String(resolved.node.name)}`, resolved.node, resolved.pointer, null));
    }
    if (operation.requestBody !== undefined) {
      const body = follow(document, operation.requestBody, `${pointer}/requestBody`);
      add(contentExamples(document, `${named(body.pointer, label)} request`, body.node, body.pointer));
    }
    for (const [status, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
      const resolved = follow(document, response, `${pointer}/responses/${status}`);
      const responseLabel = named(resolved.pointer, `${label} → ${status}`);
      add(contentExamples(document, responseLabel, resolved.node, resolved.pointer));
      for (const [name, header] of Object.entries(isObject(resolved.node.headers) ? resolved.node.headers : {})) {
        const headerObject = follow(document, header, `${resolved.pointer}/headers/${escapePointer(name)}`);
        add(examplesOf(document, `${named(headerObject.pointer, `${responseLabel} header ${name}`)}`, headerObject.node, headerObject.pointer, null));
      }
    }
  }
  add(schemaExamples(isObject(document.components) ? document.components.schemas : undefined, '#/components/schemas'));
  return [...byLocation.values()].sort((left, right) => left.name.localeCompare(right.name));
}

/** JSON Schema `examples` arrays (and OpenAPI's older `example`) inside the component schemas. */
function schemaExamples(node: unknown, pointer: string): ExampleCase[] {
  if (Array.isArray(node)) return node.flatMap((child, index) => schemaExamples(child, `${pointer}/${index}`));
  if (!isObject(node)) return [];
  const isPropertyMap = /\/(properties|patternProperties|\$defs)$/.test(pointer) || pointer === '#/components/schemas';
  const own: ExampleCase[] = [];
  if (!isPropertyMap && Array.isArray(node.examples)) {
    node.examples.forEach((value, index) => own.push({ name: `${pointer} examples[${index}]`, schemaPointer: pointer, value, mediaType: null, eventSchema: null }));
  }
  if (!isPropertyMap && 'example' in node) own.push({ name: `${pointer} example`, schemaPointer: pointer, value: node.example, mediaType: null, eventSchema: null });
  const children = Object.entries(node).filter(([key]) => !['example', 'examples', 'const', 'enum', 'default'].includes(key));
  return [...own, ...children.flatMap(([key, child]) => schemaExamples(child, `${pointer}/${escapePointer(key)}`))];
}

interface ServerSentEvent {
  readonly event: string | null;
  readonly data: string;
}

function parseTranscript(transcript: string): ServerSentEvent[] {
  return transcript
    .replaceAll('\r\n', '\n')
    .split(/\n{2,}/)
    .map((block) => block.split('\n').filter((line) => line !== '' && !line.startsWith(':')))
    .filter((lines) => lines.length > 0)
    .map((lines) => {
      const field = (name: string) => lines.filter((line) => line.startsWith(`${name}:`)).map((line) => line.slice(name.length + 1).replace(/^ /, ''));
      const unknown = lines.filter((line) => !/^(event|data|id|retry):/.test(line));
      if (unknown.length > 0) throw new Error(`not an SSE field: ${unknown[0]}`);
      return { event: field('event')[0] ?? null, data: field('data').join('\n') };
    });
}

const document = loadBundledDocument();
const prepared = withoutDiscriminatorMappings(document) as JsonObject;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ discriminator: true, strict: false, allErrors: true }));
ajv.addSchema(prepared, documentId);
const validators = new Map<string, ValidateFunction>();
function validatorFor(schemaPointer: string): ValidateFunction {
  const existing = validators.get(schemaPointer);
  if (existing) return existing;
  const validate = ajv.compile({ $ref: `${documentId}${schemaPointer}` });
  validators.set(schemaPointer, validate);
  return validate;
}

function expectValid(schemaPointer: string, value: unknown, what: string): void {
  const validate = validatorFor(schemaPointer);
  const valid = validate(value);
  expect(valid, `${what}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`).toBe(true);
}

function checkTranscript(example: ExampleCase): void {
  expect(typeof example.value, 'an SSE example is the transcript as one string').toBe('string');
  const events = parseTranscript(String(example.value));
  expect(events.length).toBeGreaterThan(0);
  const isChat = example.eventSchema === 'CreateChatCompletionStreamResponse';
  const done = events.findIndex((event) => event.data === '[DONE]');
  if (isChat) expect(done, 'a chat stream ends with exactly one data: [DONE]').toBe(events.length - 1);
  else expect(done, '[DONE] is only sent by chat streams').toBe(-1);
  const payloads = events.filter((event) => event.data !== '[DONE]');
  payloads.forEach((event, index) => {
    const data: unknown = JSON.parse(event.data);
    expectValid(example.schemaPointer, data, `event ${index}`);
    if (!isObject(data)) return;
    if (isChat) {
      expect(event.event, 'chat chunks carry no event: name').toBeNull();
    } else {
      expect(event.event, `event ${index} has an event: name equal to its type`).toBe(data.type);
      expect(data.sequence_number, `event ${index} sequence_number`).toBe(index);
    }
  });
  if (isChat) {
    const chunks = payloads.map((event) => JSON.parse(event.data) as JsonObject);
    expect(new Set(chunks.map((chunk) => chunk.id)).size, 'all chunks share one id').toBe(1);
    const firstChoices = chunks[0]?.choices;
    const firstDelta = Array.isArray(firstChoices) && isObject(firstChoices[0]) ? firstChoices[0].delta : undefined;
    expect(isObject(firstDelta) ? firstDelta.role : undefined, 'the first delta carries the role').toBe('assistant');
    chunks.forEach((chunk, index) => {
      if (Array.isArray(chunk.choices) && chunk.choices.length === 0) {
        expect(index, 'the usage chunk (empty choices) is the last one').toBe(chunks.length - 1);
        expect(isObject(chunk.usage), 'the usage chunk carries usage').toBe(true);
      }
    });
  }
}

const examples = collectExamples(document);
const operations = listOperations(document);

describe('contract examples', () => {
  it('finds examples to check', () => {
    expect(examples.length).toBeGreaterThan(20);
  });

  it.each(examples.map((example) => [example.name, example] as const))('%s', (_name, example) => {
    if (example.mediaType === 'text/event-stream') checkTranscript(example);
    else expectValid(example.schemaPointer, example.value, example.name);
  });
});

// Counter-examples: each must be rejected, so the schemas above cannot be vacuously permissive.
const message = { role: 'user', content: 'Hi' };
const counterExamples: ReadonlyArray<readonly [string, string, unknown]> = [
  ['an unknown top-level chat field', 'CreateChatCompletionRequest', { model: 'openai/gpt-4o', messages: [message], temperatur: 1 }],
  ['a chat request without messages', 'CreateChatCompletionRequest', { model: 'openai/gpt-4o', messages: [] }],
  ['a message with an unknown role', 'ChatCompletionRequestMessage', { role: 'robot', content: 'Hi' }],
  ['a tool message without tool_call_id', 'ChatCompletionRequestMessage', { role: 'tool', content: 'ok' }],
  ['a user content part of an unknown type', 'ChatCompletionRequestMessage', { role: 'user', content: [{ type: 'video', video: {} }] }],
  ['a temperature above 2', 'CreateChatCompletionRequest', { model: 'm', messages: [message], temperature: 2.5 }],
  ['a compliance code that is not ISO 3166-1 alpha-2', 'ProviderPreferences', { compliance: 'deu' }],
  ['an unknown provider preference', 'ProviderPreferences', { sorting: 'price' }],
  ['21 tags', 'RequestTags', Array.from({ length: 21 }, (_, index) => `tag-${index}`)],
  ['17 metadata pairs', 'Metadata', Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`k${index}`, 'v']))],
  ['a key update that sets the role', 'UpdateAdminKeyRequest', { role: 'admin' }],
  ['a key update that moves the key to another tenant', 'UpdateAdminKeyRequest', { tenant: 'other' }],
  ['a key without a tenant', 'CreateAdminKeyRequest', { name: 'k' }],
  ['a budget with an unknown period', 'AdminKeyBudget', { limit_usd: 1, period: 'hourly' }],
  ['a usage grouping that does not exist', 'AdminUsageGroupBy', 'provider'],
  ['an error without code', 'ErrorResponse', { error: { message: 'x', type: 'server_error', param: null } }],
  ['a chunk with a non-integer tool call index', 'CreateChatCompletionStreamResponse', {
    id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm',
    choices: [{ index: 0, delta: { tool_calls: [{ index: '0' }] }, finish_reason: null }],
  }],
];

describe('contract schemas reject counter-examples', () => {
  it.each(counterExamples)('%s (%s)', (_description, schemaName, value) => {
    expect(validatorFor(`#/components/schemas/${schemaName}`)(value)).toBe(false);
  });
});

describe('contract operations', () => {
  it('declares exactly the agreed operationIds, once each', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect([...ids].sort()).toEqual([...agreedOperationIds].sort());
  });

  it.each(operations.map((entry) => [entry.label, entry] as const))('%s has examples for its request body and its success response', (label, { pointer, operation }) => {
    if (operation.requestBody !== undefined) {
      const body = follow(document, operation.requestBody, `${pointer}/requestBody`);
      expect(contentExamples(document, label, body.node, body.pointer).length, 'request body examples').toBeGreaterThan(0);
    }
    expect(successExampleCount(operation, pointer, label), 'success response examples').toBeGreaterThan(0);
  });

  it.each(operations.map((entry) => [entry.label, entry] as const))('%s declares a 429 with Retry-After', (_label, { operation }) => {
    const responses = isObject(operation.responses) ? operation.responses : {};
    expect(responses['429'], 'a 429 response').toBeDefined();
    const headers = follow(document, responses['429'], '429').node.headers;
    const names = Object.keys(isObject(headers) ? headers : {}).map((name) => name.toLowerCase());
    expect(names).toContain('retry-after');
  });
});

function successExampleCount(operation: JsonObject, pointer: string, label: string): number {
  const responses = Object.entries(isObject(operation.responses) ? operation.responses : {}).filter(([status]) => status.startsWith('2'));
  return responses.reduce((count, [status, response]) => {
    const holder = follow(document, response, `${pointer}/responses/${status}`);
    return count + contentExamples(document, label, holder.node, holder.pointer).length;
  }, 0);
}
