import type { InputItem } from '@switchyard/contract';
import { fakeThinkingSignature } from '@switchyard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { apiKey, chat, context, model, respond, setUp, tearDown, textOf, weatherTools } from './test-support/anthropic-test-harness.js';

afterEach(tearDown);

describe.each([false, true])('the Anthropic adapter on /v1/responses (stream: %s)', (stream) => {
  it('answers plain text and sends the exact Messages body', async () => {
    const { fake } = await setUp();
    const response = await respond({ instructions: 'Be brief.', input: 'Hello', max_output_tokens: 200, temperature: 0.3 }, stream);
    expect(response.status).toBe('completed');
    expect(textOf(response)).toBe('Echo: Hello');
    expect(response.usage).toMatchObject({ output_tokens: 2 });
    expect(fake.requests[0]?.headers).toMatchObject({ 'x-api-key': apiKey, 'anthropic-version': '2023-06-01' });
    expect(fake.requests[0]?.body).toEqual({
      model,
      max_tokens: 200,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
      system: [{ type: 'text', text: 'Be brief.' }],
      temperature: 0.3,
      ...(stream ? { stream: true } : {}),
    });
  });

  it('runs a tool round trip', async () => {
    const { fake } = await setUp();
    const first = await respond({ input: 'call weather', tools: weatherTools }, stream);
    const call = first.output.find((item) => item.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', name: 'weather', arguments: '{"city":"value"}', call_id: expect.stringMatching(/^toolu_/) });
    const callId = call?.type === 'function_call' ? call.call_id : '';
    const input: InputItem[] = [
      { role: 'user', content: 'call weather' },
      { type: 'function_call', call_id: callId, name: 'weather', arguments: '{"city":"value"}' },
      { type: 'function_call_output', call_id: callId, output: 'sunny' },
    ];
    const second = await respond({ input, tools: weatherTools }, stream);
    expect(textOf(second)).toBe('Tool results: sunny');
    expect((fake.requests[1]?.body as { messages: unknown[] }).messages.slice(1)).toEqual([
      { role: 'assistant', content: [{ type: 'tool_use', id: callId, name: 'weather', input: { city: 'value' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: callId, content: 'sunny' }] },
    ]);
  });

  it('returns parallel tool calls, and one call with parallel_tool_calls: false', async () => {
    await setUp();
    const both = await respond({ input: 'call weather and time', tools: weatherTools }, stream);
    expect(both.output.filter((item) => item.type === 'function_call').map((item) => (item.type === 'function_call' ? item.name : ''))).toEqual(['weather', 'time']);
    const one = await respond({ input: 'call weather and time', tools: weatherTools, parallel_tool_calls: false }, stream);
    expect(one.output.filter((item) => item.type === 'function_call')).toHaveLength(1);
  });

  it('answers json_schema as JSON text', async () => {
    await setUp();
    const response = await respond(
      { input: 'Who?', text: { format: { type: 'json_schema', name: 'person', schema: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } } }, strict: true } } },
      stream,
    );
    expect(response.status).toBe('completed');
    expect(JSON.parse(textOf(response))).toEqual({ name: 'value', age: 1 });
    expect(response.output.some((item) => item.type === 'function_call')).toBe(false);
  });

  it('sends image input', async () => {
    const { fake } = await setUp();
    const response = await respond({ input: [{ role: 'user', content: [{ type: 'input_text', text: 'What is this?' }, { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'auto' }] }] }, stream);
    expect(textOf(response)).toBe('Echo: What is this? (1 image)');
    expect(JSON.stringify(fake.requests[0]?.body)).toContain('"source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}');
  });

  it('round-trips reasoning byte-identically (signature included)', async () => {
    const { fake } = await setUp();
    const first = await respond({ input: 'Why is the sky blue?', reasoning: { effort: 'low' }, include: ['reasoning.encrypted_content'] }, stream);
    const reasoning = first.output.find((item) => item.type === 'reasoning');
    expect(reasoning?.type === 'reasoning' ? reasoning.summary.map((part) => part.text).join('') : '').toBe('Thinking about: Why is the sky blue?');
    const firstBody = fake.requests[0]?.body as { thinking: unknown };
    expect(firstBody.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    // Turn 2: the client sends the output items back as input.
    const input = [{ role: 'user' as const, content: 'Why is the sky blue?' }, ...(first.output as InputItem[]), { role: 'user' as const, content: 'Say more.' }];
    const second = await respond({ input, reasoning: { effort: 'low' } }, stream);
    expect(second.status).toBe('completed');
    const sent = fake.requests[1]?.rawBody ?? '';
    const signature = fakeThinkingSignature('Thinking about: Why is the sky blue?');
    expect(sent).toContain(`{"role":"assistant","content":[{"type":"thinking","thinking":"Thinking about: Why is the sky blue?","signature":${JSON.stringify(signature)}},{"type":"text","text":"Echo: Why is the sky blue?"}]}`);
    expect(fake.requests[1]?.body).toEqual({
      model,
      max_tokens: 64000,
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Why is the sky blue?' }] },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 'Thinking about: Why is the sky blue?', signature }, { type: 'text', text: 'Echo: Why is the sky blue?' }] },
        { role: 'user', content: [{ type: 'text', text: 'Say more.' }] },
      ],
      thinking: { type: 'enabled', budget_tokens: 1024 },
      ...(stream ? { stream: true } : {}),
    });
  });

  it('round-trips redacted thinking', async () => {
    const { fake } = await setUp();
    const first = await respond({ input: 'Something redacted please', reasoning: { effort: 'medium' } }, stream);
    const input = [{ role: 'user' as const, content: 'Something redacted please' }, ...(first.output as InputItem[]), { role: 'user' as const, content: 'Go on.' }];
    const second = await respond({ input, reasoning: { effort: 'medium' } }, stream);
    expect(second.status).toBe('completed');
    expect(fake.requests[1]?.rawBody).toContain('{"type":"redacted_thinking","data":"RkFLRS1SRURBQ1RFRC1USElOS0lORw=="}');
  });

  it('reports a max-tokens cut as incomplete', async () => {
    await setUp();
    const response = await respond({ input: 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen', max_output_tokens: 16 }, stream);
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(textOf(response).trim().split(' ')).toHaveLength(16);
  });

  it('shows prompt-cache reads in usage on the second turn', async () => {
    await setUp({ promptCaching: 'auto' });
    const instructions = 'You are a careful assistant. '.repeat(20);
    const first = await respond({ instructions, input: 'First question' }, stream);
    expect(first.usage?.input_tokens_details.cached_tokens).toBe(0);
    const second = await respond(
      { instructions, input: [{ role: 'user', content: 'First question' }, { role: 'assistant', content: textOf(first) }, { role: 'user', content: 'Second question' }] },
      stream,
    );
    const cached = second.usage?.input_tokens_details.cached_tokens ?? 0;
    expect(cached).toBeGreaterThan(0);
    expect(second.usage?.input_tokens).toBeGreaterThan(cached);
  });
});

describe.each([false, true])('the Anthropic adapter on /v1/chat/completions (stream: %s)', (stream) => {
  it('answers a multi-turn conversation with system messages and usage', async () => {
    const { fake } = await setUp();
    const result = await chat(
      {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello!' },
          { role: 'user', content: 'How are you?' },
        ],
        max_completion_tokens: 100,
        stop: ['never'],
      },
      stream,
    );
    expect(result).toMatchObject({ content: 'Echo: How are you?', finishReason: 'stop', usage: { completion_tokens: 4 } });
    expect(fake.requests[0]?.body).toMatchObject({ system: [{ type: 'text', text: 'Be brief.' }], stop_sequences: ['never'], max_tokens: 100 });
  });

  it('returns tool calls with finish_reason tool_calls', async () => {
    await setUp();
    const tools = weatherTools.map((tool) => ({ type: 'function' as const, function: { name: tool.name, parameters: tool.parameters } }));
    const result = await chat({ messages: [{ role: 'user', content: 'call weather and time' }], tools }, stream);
    expect(result).toMatchObject({ toolCalls: ['weather', 'time'], finishReason: 'tool_calls' });
  });

  it('runs a chat tool round trip with two tool messages merged into one user turn', async () => {
    const { fake } = await setUp();
    const tools = weatherTools.map((tool) => ({ type: 'function' as const, function: { name: tool.name, parameters: tool.parameters } }));
    const result = await chat(
      {
        messages: [
          { role: 'user', content: 'call weather and time' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'toolu_a', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
              { id: 'toolu_b', type: 'function', function: { name: 'time', arguments: '{"city":"Oslo"}' } },
            ],
          },
          { role: 'tool', tool_call_id: 'toolu_a', content: 'snow' },
          { role: 'tool', tool_call_id: 'toolu_b', content: 'noon' },
        ],
        tools,
      },
      stream,
    );
    expect(result).toMatchObject({ content: 'Tool results: snow; noon', finishReason: 'stop' });
    expect((fake.requests[0]?.body as { messages: unknown[] }).messages.at(-1)).toEqual({
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'toolu_a', content: 'snow' },
        { type: 'tool_result', tool_use_id: 'toolu_b', content: 'noon' },
      ],
    });
  });

  it('stops at a stop sequence and at max tokens', async () => {
    await setUp();
    expect(await chat({ messages: [{ role: 'user', content: 'alpha beta gamma' }], stop: 'beta' }, stream)).toMatchObject({ content: 'Echo: alpha ', finishReason: 'stop' });
    expect(await chat({ messages: [{ role: 'user', content: 'a b c d e f g h i j k l m n o p q r' }], max_tokens: 16 }, stream)).toMatchObject({ finishReason: 'length' });
  });

  it('warns about what Anthropic cannot take, and rejects it in strict mode before calling upstream', async () => {
    const { fake } = await setUp();
    const relaxed = context();
    await chat({ messages: [{ role: 'user', content: 'Hi' }], seed: 3, logit_bias: { '50': 1 } }, stream, relaxed);
    expect(relaxed.warnings.map((warning) => (warning.type === 'unsupported-parameter' ? warning.parameter : ''))).toEqual(['seed', 'logit_bias']);
    await expect(chat({ messages: [{ role: 'user', content: 'Hi' }], seed: 3 }, stream, context({ strict: true }))).rejects.toMatchObject({ status: 400, param: 'seed' });
    expect(fake.requests).toHaveLength(1);
  });
});
