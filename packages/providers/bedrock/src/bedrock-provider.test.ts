import type { Response } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { serveChat, serveContext, serveResponses } from './test-support/serve-bedrock.js';
import { useFakeBedrock } from './test-support/use-fake-bedrock.js';

const { fake, adapter } = useFakeBedrock();
const outputText = (response: Response): string =>
  response.output
    .flatMap((item) => (item.type === 'message' ? item.content : []))
    .map((part) => (part.type === 'output_text' ? part.text : ''))
    .join('');
const lastBody = (): unknown => fake().requests.at(-1)?.body;
const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe.each([false, true])('Responses and Chat against Bedrock (stream: %s)', (stream) => {
  it('plain text on /v1/responses, with the SigV4-signed request and usage', async () => {
    const { response } = await serveResponses(adapter(), { input: 'Hello Bedrock', instructions: 'Be brief.', stream });
    expect(response.status).toBe('completed');
    expect(outputText(response)).toBe('Echo: Hello Bedrock');
    expect(response.usage).toMatchObject({ input_tokens: 4, output_tokens: 3, total_tokens: 7 });
    const request = fake().requests.at(-1);
    expect(request?.operation).toBe(stream ? 'converse-stream' : 'converse');
    expect(request?.modelId).toBe('anthropic.claude-3-7-sonnet-20250219-v1:0');
    expect(request?.path).toBe(`/model/anthropic.claude-3-7-sonnet-20250219-v1%3A0/${stream ? 'converse-stream' : 'converse'}`);
    expect(String(request?.headers.authorization)).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIATESTKEY1234567\/\d{8}\/us-east-1\/bedrock\/aws4_request/);
    expect(lastBody()).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": [
              {
                "text": "Hello Bedrock",
              },
            ],
            "role": "user",
          },
        ],
        "system": [
          {
            "text": "Be brief.",
          },
        ],
      }
    `);
  });

  it('plain text on /v1/chat/completions, with chat sampling parameters mapped', async () => {
    const result = await serveChat(adapter(), {
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi there' }],
      temperature: 0.2,
      top_p: 0.9,
      max_completion_tokens: 50,
      stop: ['STOP'],
      stream,
      ...(stream ? { stream_options: { include_usage: true } } : {}),
    });
    expect(result.text).toBe('Echo: Hi there');
    expect(result.finishReason).toBe('stop');
    expect(lastBody()).toMatchObject({ inferenceConfig: { maxTokens: 50, temperature: 0.2, topP: 0.9, stopSequences: ['STOP'] }, system: [{ text: 'Be brief.' }] });
  });

  it('multi-turn: consecutive same-role turns merge and roles alternate', async () => {
    const { response } = await serveResponses(adapter(), {
      stream,
      input: [
        { role: 'developer', content: 'Answer in English.' },
        { role: 'user', content: 'First question.' },
        { role: 'user', content: [{ type: 'input_text', text: 'Second part.' }] },
        { role: 'assistant', content: [{ type: 'output_text', text: 'An earlier answer.' }] },
        { role: 'user', content: 'Follow-up please' },
      ],
    });
    expect(outputText(response)).toBe('Echo: Follow-up please');
    expect(lastBody()).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": [
              {
                "text": "First question.",
              },
              {
                "text": "Second part.",
              },
            ],
            "role": "user",
          },
          {
            "content": [
              {
                "text": "An earlier answer.",
              },
            ],
            "role": "assistant",
          },
          {
            "content": [
              {
                "text": "Follow-up please",
              },
            ],
            "role": "user",
          },
        ],
        "system": [
          {
            "text": "Answer in English.",
          },
        ],
      }
    `);
  });

  it('image input from a data URL becomes image bytes', async () => {
    const result = await serveChat(adapter(), {
      stream,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Describe' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${pixel}` } }] }],
    });
    expect(result.text).toBe('Echo: Describe');
    expect(lastBody()).toEqual({ messages: [{ role: 'user', content: [{ text: 'Describe' }, { image: { format: 'png', source: { bytes: pixel } } }] }] });
  });

  it('max-tokens cut: the answer is incomplete on /v1/responses and "length" on chat', async () => {
    const { response } = await serveResponses(adapter(), { input: 'one two three four five six', max_output_tokens: 16, stream });
    expect(response.status).toBe('completed');
    const cut = await serveResponses(adapter(), { input: 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen', max_output_tokens: 16, stream });
    expect(cut.response.status).toBe('incomplete');
    expect(cut.response.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(outputText(cut.response).split(' ')).toHaveLength(16);
    const chat = await serveChat(adapter(), { messages: [{ role: 'user', content: 'a b c d e f g h i j k l m n o p q r' }], max_tokens: 16, stream });
    expect(chat.finishReason).toBe('length');
  });

  it('json_schema: a forced tool whose input is returned as the text', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' }, population: { type: 'integer' } }, required: ['city', 'population'], additionalProperties: false };
    const { response } = await serveResponses(adapter(), { input: 'Largest city?', text: { format: { type: 'json_schema', name: 'city_answer', schema, strict: true } }, stream });
    expect(response.status).toBe('completed');
    expect(JSON.parse(outputText(response))).toEqual({ city: 'Paris', population: 21 });
    expect(response.output.map((item) => item.type)).toEqual(['message']);
    expect(lastBody()).toMatchObject({
      toolConfig: { tools: [{ toolSpec: { name: 'city_answer', inputSchema: { json: schema } } }], toolChoice: { tool: { name: 'city_answer' } } },
    });
    const chat = await serveChat(adapter(), { messages: [{ role: 'user', content: 'Largest city?' }], response_format: { type: 'json_schema', json_schema: { name: 'city_answer', schema } }, stream });
    expect(JSON.parse(chat.text)).toEqual({ city: 'Paris', population: 21 });
    expect(chat.finishReason).toBe('stop');
  });

  it('warns about what Bedrock cannot honour, and strict mode rejects before anything is sent', async () => {
    const context = serveContext();
    await serveChat(adapter(), { messages: [{ role: 'user', content: 'hi' }], seed: 3, logit_bias: { '1': 2 }, stream }, context);
    expect(context.warnings.map((warning) => (warning.type === 'unsupported-parameter' ? warning.parameter : warning.type))).toEqual(['seed', 'logit_bias']);
    const before = fake().requests.length;
    await expect(serveResponses(adapter(), { input: 'hi', top_logprobs: 2, stream }, serveContext({ strict: true }))).rejects.toMatchObject({
      status: 400,
      code: 'unsupported_parameter',
      param: 'top_logprobs',
    });
    expect(fake().requests.length).toBe(before);
  });
});
