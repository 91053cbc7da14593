// Measures request routing + validation on the hot path, two ways (run `pnpm build` first):
//  (a) openapi-backend 5.21.2 with Ajv 2020 + discriminator (validators compiled at init),
//  (b) this package: its own router + Ajv standalone validators precompiled by `generate`.
// Usage: node scripts/benchmark-validation.mjs [iterations]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import OpenAPIBackendModule from 'openapi-backend';
import { createContractRouter, validateOperationRequest } from '../dist/index.js';
import { prepareForAjv } from './prepare-for-ajv.mjs';

const { OpenAPIBackend } = OpenAPIBackendModule;
const iterations = Number(process.argv[2] ?? 20000);
const bundled = JSON.parse(readFileSync(new URL('../bundled/openapi.json', import.meta.url), 'utf8'));

const createResponseBody = {
  model: 'openai/gpt-4o',
  instructions: 'You are a helpful assistant. Answer briefly.',
  input: [
    { role: 'user', content: 'What is the weather in Paris, and what is in this picture?' },
    {
      type: 'message',
      role: 'user',
      content: [
        { type: 'input_text', text: 'Here is the picture.' },
        { type: 'input_image', image_url: 'https://example.com/cat.png', detail: 'auto' },
      ],
    },
    { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
    { type: 'function_call_output', call_id: 'call_1', output: '{"celsius":21,"sky":"clear"}' },
  ],
  tools: [
    {
      type: 'function',
      name: 'get_weather',
      description: 'Current weather for a city.',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  ],
  temperature: 0.7,
  max_output_tokens: 512,
  metadata: { team: 'search' },
};
const chatBody = {
  model: 'anthropic/claude-3-5-sonnet-latest',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Weather in Paris?' },
    { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
    { role: 'tool', tool_call_id: 'call_1', content: '{"celsius":21}' },
  ],
  tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
  temperature: 0.2,
  stream: true,
};
const headers = { 'content-type': 'application/json', authorization: 'Bearer sk-test' };
const cases = [
  { name: 'createResponse', method: 'post', path: '/v1/responses', body: createResponseBody },
  { name: 'createChatCompletion', method: 'post', path: '/v1/chat/completions', body: chatBody },
];

class OAS31Backend extends OpenAPIBackend {
  validateDefinition() {
    return this.document;
  }
}

const backendStart = performance.now();
const api = new OAS31Backend({
  definition: prepareForAjv(bundled).document,
  strict: false,
  quick: false,
  validate: true,
  customizeAjv: (_original, ajvOptions) => {
    const ajv = new Ajv2020({ ...ajvOptions, strict: false, discriminator: true });
    addFormats.default(ajv);
    return ajv;
  },
});
await api.init();
const backendInit = performance.now() - backendStart;

// The machine is shared: report the median of 7 rounds rather than one long run.
function measure(label, run) {
  for (let index = 0; index < Math.min(2000, iterations); index += 1) run();
  const rounds = [];
  const perRound = Math.max(1, Math.round(iterations / 7));
  for (let round = 0; round < 7; round += 1) {
    const start = performance.now();
    for (let index = 0; index < perRound; index += 1) run();
    rounds.push(((performance.now() - start) * 1000) / perRound);
  }
  rounds.sort((left, right) => left - right);
  const median = rounds[3];
  console.log(`${label.padEnd(64)} ${median.toFixed(2).padStart(8)} µs  (min ${rounds[0].toFixed(2)})`);
  return median;
}

const router = createContractRouter();
console.log(`node ${process.version}, ${iterations} iterations each; openapi-backend init ${backendInit.toFixed(0)} ms\n`);
for (const { name, method, path, body } of cases) {
  const request = { method, path, body, headers, query: {} };
  const backendOperation = api.router.matchOperation(request);
  const check = (valid) => {
    if (!valid) throw new Error(`${name}: the sample body does not validate`);
  };
  check(api.validateRequest(request, backendOperation).valid);
  check(validateOperationRequest(name, { body, headers }).valid);
  measure(`${name}: openapi-backend validateRequest`, () => api.validateRequest(request, backendOperation));
  measure(`${name}: openapi-backend matchOperation + validateRequest`, () => api.validateRequest(request, api.router.matchOperation(request)));
  measure(`${name}: standalone validateOperationRequest`, () => validateOperationRequest(name, { body, headers }));
  measure(`${name}: contract router match + standalone validate`, () => {
    const match = router.match(method, path);
    return validateOperationRequest(match.operationId, { body, headers, path: match.pathParams });
  });
  measure(`${name}: openapi-backend matchOperation only`, () => api.router.matchOperation(request));
  measure(`${name}: contract router match only`, () => router.match(method, path));
  const bad = { ...body, temperature: 'hot' };
  measure(`${name}: invalid body, standalone + explainer`, () => validateOperationRequest(name, { body: bad, headers }));
  measure(`${name}: invalid body, openapi-backend (raw Ajv errors)`, () => api.validateRequest({ ...request, body: bad }, backendOperation));
  console.log();
}
