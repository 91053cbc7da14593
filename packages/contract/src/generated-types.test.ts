// The generated types must accept real wire objects (checked by `tsc`, with `satisfies`), and the
// same objects must pass the precompiled validators (checked at run time): types and validators
// come from one document and must agree.
import { describe, expect, it } from 'vitest';
import type {
  CreateChatCompletionRequest,
  CreateChatCompletionResponse,
  CreateChatCompletionStreamResponse,
  CreateResponse,
  DeletedResponse,
  ErrorResponse,
  ListModelsResponse,
  OperationHandlers,
  ResponseStreamEvent,
} from './index.js';
import { validateOperationRequest, validateOperationResponse, validateStreamEvent } from './index.js';

const createResponseBody = {
  model: 'openai/gpt-4o',
  input: [
    { role: 'user', content: 'Weather in Paris?' },
    { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
    { type: 'function_call_output', call_id: 'call_1', output: '{"celsius":21}' },
  ],
  tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
  temperature: 0.5,
} satisfies CreateResponse;

const chatBody = {
  model: 'anthropic/claude-3-5-sonnet-latest',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
  ],
  stream: true,
} satisfies CreateChatCompletionRequest;

const chatCompletion = {
  id: 'chatcmpl_1',
  object: 'chat.completion',
  created: 1_732_000_000,
  model: 'anthropic/claude-3-5-sonnet-latest',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!', refusal: null }, finish_reason: 'stop', logprobs: null }],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
} satisfies CreateChatCompletionResponse;

const chatChunk = {
  id: 'chatcmpl_1',
  object: 'chat.completion.chunk',
  created: 1_732_000_000,
  model: 'anthropic/claude-3-5-sonnet-latest',
  choices: [{ index: 0, delta: { content: 'Hel' }, finish_reason: null }],
} satisfies CreateChatCompletionStreamResponse;

const textDelta = {
  type: 'response.output_text.delta',
  sequence_number: 4,
  item_id: 'msg_1',
  output_index: 0,
  content_index: 0,
  delta: 'Hel',
  logprobs: [],
} satisfies ResponseStreamEvent;

const models = {
  object: 'list',
  data: [{ id: 'openai/gpt-4o', object: 'model', created: 1_715_000_000, owned_by: 'openai' }],
} satisfies ListModelsResponse;

const deleted = { id: 'resp_1', object: 'response', deleted: true } satisfies DeletedResponse;
const error = { error: { message: "Missing required parameter: 'model'.", type: 'invalid_request_error', param: 'model', code: 'missing_required_parameter' } } satisfies ErrorResponse;

// @ts-expect-error: a deleted response is always `deleted: true`
const notDeleted: DeletedResponse = { id: 'resp_1', object: 'response', deleted: false };

const handlers = {
  listModels: async () => models,
  deleteResponse: async (input) => ({ id: input.path.response_id, object: 'response', deleted: true }),
  createChatCompletion: async function* () {
    yield chatChunk;
  } as unknown as OperationHandlers<{ tenant: string }>['createChatCompletion'],
} satisfies Partial<OperationHandlers<{ tenant: string }>>;

describe('generated types and validators agree', () => {
  it('accepts the typed request bodies', () => {
    expect(validateOperationRequest('createResponse', { body: createResponseBody }).valid).toBe(true);
    expect(validateOperationRequest('createChatCompletion', { body: chatBody }).valid).toBe(true);
  });

  it('accepts the typed responses and events', () => {
    expect(validateOperationResponse('createChatCompletion', 200, 'application/json', chatCompletion)).toEqual({ valid: true });
    expect(validateOperationResponse('listModels', 200, 'application/json; charset=utf-8', models)).toEqual({ valid: true });
    expect(validateOperationResponse('deleteResponse', 200, 'application/json', deleted)).toEqual({ valid: true });
    expect(validateOperationResponse('createResponse', 400, 'application/json', error)).toEqual({ valid: true });
    expect(validateStreamEvent('createResponse', textDelta)).toEqual({ valid: true });
    expect(validateStreamEvent('createChatCompletion', chatChunk)).toEqual({ valid: true });
  });

  it('rejects what the types reject', () => {
    expect(validateOperationResponse('deleteResponse', 200, 'application/json', notDeleted)).toMatchObject({ valid: false, errors: [{ param: 'deleted' }] });
    expect(validateStreamEvent('createResponse', { ...textDelta, delta: 5 })).toEqual({
      valid: false,
      errors: [{ param: 'delta', code: 'invalid_type', message: "Invalid type for 'delta': expected a string, but got an integer instead." }],
    });
    expect(validateOperationResponse('listModels', 418, 'application/json', models)).toMatchObject({ valid: false });
  });

  it('types handler inputs from the generated request types', async () => {
    await expect(handlers.deleteResponse({ path: { response_id: 'resp_9' } })).resolves.toEqual({ id: 'resp_9', object: 'response', deleted: true });
  });
});
