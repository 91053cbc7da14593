import { describe, expect, it } from 'vitest';
import { validateOperationRequest } from './validate-operation.js';

const firstError = (result: ReturnType<typeof validateOperationRequest>) => (result.valid ? undefined : result.errors[0]);

describe('validateOperationRequest: createResponse accepts', () => {
  it.each([
    ['a string input', { model: 'openai/gpt-4o', input: 'Hello' }],
    ['a message list without type', { model: 'openai/gpt-4o', input: [{ role: 'user', content: 'Hello' }] }],
    [
      'typed messages with input_text and input_image',
      {
        model: 'openai/gpt-4o',
        input: [
          {
            type: 'message',
            role: 'user',
            content: [
              { type: 'input_text', text: 'What is in this picture?' },
              { type: 'input_image', image_url: 'https://example.com/cat.png', detail: 'auto' },
            ],
          },
        ],
      },
    ],
    [
      'a function call and its output',
      {
        model: 'openai/gpt-4o',
        input: [
          { role: 'user', content: 'Weather in Paris?' },
          { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
          { type: 'function_call_output', call_id: 'call_1', output: '{"celsius":21}' },
        ],
      },
    ],
    [
      'a function tool without strict',
      { model: 'openai/gpt-4o', input: 'Hi', tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object', properties: {} } }] },
    ],
  ])('%s', (_, body) => {
    expect(validateOperationRequest('createResponse', { body })).toEqual({ valid: true, query: {} });
  });
});

describe('validateOperationRequest: createResponse rejects precisely', () => {
  it.each([
    ['a string temperature', { model: 'm', temperature: 'hot' }, 'temperature', "Invalid type for 'temperature': expected a number, but got a string instead."],
    ['an unknown top-level argument', { model: 'm', foo: 1 }, 'foo', "Unrecognized request argument supplied: 'foo'."],
    ['a bad tool_choice', { model: 'm', tool_choice: 'banana' }, 'tool_choice', "Invalid value: 'banana'. Supported values are: 'none', 'auto' and 'required'."],
    ['a temperature above the maximum', { model: 'm', temperature: 3 }, 'temperature', "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 3 instead."],
    ['an integer input', { model: 'm', input: 5 }, 'input', "Invalid type for 'input': expected one of a string or an array, but got an integer instead."],
    ['message content of the wrong type', { model: 'm', input: [{ role: 'user', content: 5 }] }, 'input[0].content', "Invalid type for 'input[0].content': expected one of a string or an array, but got an integer instead."],
    ['a message without content', { model: 'm', input: [{ role: 'user' }] }, 'input[0].content', "Missing required parameter: 'input[0].content'."],
    ['an unknown item type', { model: 'm', input: [{ type: 'function_cal', call_id: 'c', name: 'n', arguments: '{}' }] }, 'input[0].type', undefined],
    ['a function call without arguments', { model: 'm', input: [{ type: 'function_call', call_id: 'c', name: 'n' }] }, 'input[0].arguments', "Missing required parameter: 'input[0].arguments'."],
    ['an unknown content part type', { model: 'm', input: [{ role: 'user', content: [{ type: 'input_txt', text: 'x' }] }] }, 'input[0].content[0].type', undefined],
    ['an unknown tool type', { model: 'm', tools: [{ type: 'function', name: 'f' }, { type: 'banana' }] }, 'tools[1].type', undefined],
    ['a function tool without a name', { model: 'm', tools: [{ type: 'function' }] }, 'tools[0].name', "Missing required parameter: 'tools[0].name'."],
  ])('%s', (_, body, param, message) => {
    const error = firstError(validateOperationRequest('createResponse', { body }));
    expect(error?.param).toBe(param);
    if (message) expect(error?.message).toBe(message);
    else expect(error?.message).toMatch(/^Invalid value: '.+'\. Supported values are: '.+'\.$/);
  });

  it('reports metadata limits and names the offending key', () => {
    const tooMany = Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`key${index}`, 'value']));
    expect(firstError(validateOperationRequest('createResponse', { body: { model: 'm', metadata: tooMany } }))).toEqual({
      param: 'metadata',
      code: 'object_above_max_properties',
      message: "Invalid 'metadata': too many properties. Expected an object with at most 16 properties, but got an object with 17 properties instead.",
    });
    expect(firstError(validateOperationRequest('createResponse', { body: { model: 'm', metadata: { team: 5 } } }))).toEqual({
      param: 'metadata.team',
      code: 'invalid_type',
      message: "Invalid type for 'metadata.team': expected a string, but got an integer instead.",
    });
  });

  it('lists the supported tool types for an unknown one', () => {
    const error = firstError(validateOperationRequest('createResponse', { body: { model: 'm', tools: [{ type: 'function', name: 'f' }, { type: 'banana' }] } }));
    expect(error?.message).toMatch(/^Invalid value: 'banana'\. Supported values are: 'function', .*'web_search'.* and '[a-z_]+'\.$/);
  });

  it('reports every invalid parameter, not only the first', () => {
    const result = validateOperationRequest('createChatCompletion', { body: { model: 'm', messages: [{ role: 'user', content: 'x' }], n: 0, stop: 5 } });
    expect(result.valid ? [] : result.errors.map((error) => error.param)).toEqual(['n', 'stop']);
  });

  it('checks declared headers case-insensitively', () => {
    expect(validateOperationRequest('createResponse', { body: { model: 'm' }, headers: { 'X-Switchyard-Strict': 'true' } }).valid).toBe(true);
    expect(firstError(validateOperationRequest('createResponse', { body: { model: 'm' }, headers: { 'X-Switchyard-Strict': 'maybe' } }))).toEqual({
      param: 'x-switchyard-strict',
      code: 'invalid_value',
      message: "Invalid value: 'maybe'. Supported values are: 'true' and 'false'.",
    });
  });

  it('reports a missing body', () => {
    expect(firstError(validateOperationRequest('createResponse', {}))).toEqual({ message: 'The request body is missing: send a JSON object.', param: null, code: 'missing_request_body' });
  });

  it('reports a body that is not an object', () => {
    expect(firstError(validateOperationRequest('createResponse', { body: [1] }))).toEqual({
      message: 'Invalid type for the request body: expected an object, but got an array instead.',
      param: null,
      code: 'invalid_type',
    });
  });
});

describe('validateOperationRequest: createChatCompletion', () => {
  it('accepts a plain conversation', () => {
    const body = { model: 'anthropic/claude', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }] };
    expect(validateOperationRequest('createChatCompletion', { body }).valid).toBe(true);
  });

  it.each([
    ['a missing model', { messages: [{ role: 'user', content: 'Hi' }] }, 'model', "Missing required parameter: 'model'."],
    ['missing messages', { model: 'm' }, 'messages', "Missing required parameter: 'messages'."],
    ['an empty message list', { model: 'm', messages: [] }, 'messages', "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead."],
    ['an unknown role', { model: 'm', messages: [{ role: 'robot', content: 'x' }] }, 'messages[0].role', undefined],
    ['user content of the wrong type', { model: 'm', messages: [{ role: 'user', content: 5 }] }, 'messages[0].content', undefined],
  ])('rejects %s', (_, body, param, message) => {
    const error = firstError(validateOperationRequest('createChatCompletion', { body }));
    expect(error?.param).toBe(param);
    if (message) expect(error?.message).toBe(message);
  });
});

describe('validateOperationRequest: parameters', () => {
  it('coerces query strings to the declared types', () => {
    const result = validateOperationRequest('getResponse', {
      path: { response_id: 'resp_1' },
      query: { include: ['message.output_text.logprobs', 'reasoning.encrypted_content'], stream: 'true', starting_after: '3' },
    });
    expect(result).toEqual({
      valid: true,
      query: { include: ['message.output_text.logprobs', 'reasoning.encrypted_content'], stream: true, starting_after: 3 },
    });
  });

  it('accepts a single value and the include[] spelling of an array parameter', () => {
    const result = validateOperationRequest('getResponse', { path: { response_id: 'resp_1' }, query: { 'include[]': 'reasoning.encrypted_content' } });
    expect(result).toEqual({ valid: true, query: { include: ['reasoning.encrypted_content'] } });
  });

  it('names the query parameter that does not parse', () => {
    const error = firstError(validateOperationRequest('getResponse', { path: { response_id: 'r' }, query: { starting_after: 'soon' } }));
    expect(error).toEqual({ param: 'starting_after', code: 'invalid_type', message: "Invalid type for 'starting_after': expected an integer, but got a string instead." });
  });

  it('rejects an unsupported include value', () => {
    const error = firstError(validateOperationRequest('getResponse', { path: { response_id: 'r' }, query: { 'include[]': ['banana'] } }));
    expect(error?.param).toBe('include[0]');
    expect(error?.message).toMatch(/^Invalid value: 'banana'\. Supported values are: /);
  });

  it('checks integer bounds on list parameters', () => {
    const error = firstError(validateOperationRequest('listInputItems', { path: { response_id: 'r' }, query: { limit: '0' } }));
    expect(error).toEqual({ param: 'limit', code: 'integer_below_min_value', message: "Invalid 'limit': integer below minimum value. Expected a value >= 1, but got 0 instead." });
  });
});

describe('validateOperationRequest: large bodies', () => {
  it('names the first bad item of a long list and stays cheap', () => {
    const input = Array.from({ length: 5000 }, () => ({ role: 'user', content: 'hello' }));
    input[4000] = { role: 'user', content: 5 as unknown as string };
    const result = validateOperationRequest('createResponse', { body: { model: 'm', input } });
    expect(result.valid).toBe(false);
    expect(result.valid ? undefined : result.errors[0]?.param).toBe('input[4000].content');
  });
});

describe('validateOperationRequest: error codes', () => {
  it.each([
    ['createChatCompletion', { messages: [{ role: 'user', content: 'x' }] }, 'missing_required_parameter'],
    ['createChatCompletion', { model: 'm', messages: [] }, 'empty_array'],
    ['createResponse', { model: 'm', foo: 1 }, 'unknown_parameter'],
    ['createResponse', { model: 'm', tool_choice: 'banana' }, 'invalid_value'],
    ['createResponse', { model: 'm', temperature: 'hot' }, 'invalid_type'],
    ['createResponse', { model: 'm', temperature: 3 }, 'decimal_above_max_value'],
  ] as const)('%s %j → %s', (operationId, body, code) => {
    expect(firstError(validateOperationRequest(operationId, { body }))?.code).toBe(code);
  });
});
