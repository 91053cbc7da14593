import { describe, expect, it } from 'vitest';
import { buildGeminiRequest } from './build-gemini-request.js';

describe('buildGeminiRequest', () => {
  it('builds the whole body for tools, a schema, thinking and an image', () => {
    const built = buildGeminiRequest(
      {
        stream: true,
        body: {
          model: 'gemini-2.5-pro',
          instructions: 'You are terse.',
          input: [
            { role: 'user', content: [{ type: 'input_text', text: 'Describe and look up.' }, { type: 'input_image', image_url: 'data:image/webp;base64,UklGRg==', detail: 'auto' }] },
          ],
          tools: [{ type: 'function', name: 'lookup', description: 'Find a thing', parameters: { type: 'object', properties: { q: { type: 'string', minLength: 1 } }, required: ['q'] }, strict: false }],
          tool_choice: { type: 'function', name: 'lookup' },
          text: { format: { type: 'json_schema', name: 'answer', schema: { type: 'object', properties: { answer: { type: ['string', 'null'] } }, required: ['answer'], additionalProperties: false } } },
          reasoning: { effort: 'medium', summary: 'detailed' },
          max_output_tokens: 1000,
          temperature: 0.3,
          top_p: 0.9,
        },
        chatParameters: { stop: 'STOP!', seed: 42 },
      },
      { modelId: 'gemini-2.5-pro', urlMedia: 'files-api-only' },
    );
    expect(built.body).toMatchInlineSnapshot(`
      {
        "contents": [
          {
            "parts": [
              {
                "text": "Describe and look up.",
              },
              {
                "inlineData": {
                  "data": "UklGRg==",
                  "mimeType": "image/webp",
                },
              },
            ],
            "role": "user",
          },
        ],
        "generationConfig": {
          "maxOutputTokens": 1000,
          "responseMimeType": "application/json",
          "responseSchema": {
            "properties": {
              "answer": {
                "nullable": true,
                "type": "string",
              },
            },
            "required": [
              "answer",
            ],
            "type": "object",
          },
          "seed": 42,
          "stopSequences": [
            "STOP!",
          ],
          "temperature": 0.3,
          "thinkingConfig": {
            "includeThoughts": true,
            "thinkingBudget": 8192,
          },
          "topP": 0.9,
        },
        "systemInstruction": {
          "parts": [
            {
              "text": "You are terse.",
            },
          ],
        },
        "toolConfig": {
          "functionCallingConfig": {
            "allowedFunctionNames": [
              "lookup",
            ],
            "mode": "ANY",
          },
        },
        "tools": [
          {
            "functionDeclarations": [
              {
                "description": "Find a thing",
                "name": "lookup",
                "parameters": {
                  "properties": {
                    "q": {
                      "type": "string",
                    },
                  },
                  "required": [
                    "q",
                  ],
                  "type": "object",
                },
              },
            ],
          },
        ],
      }
    `);
    expect(built.warnings).toEqual([{ type: 'other', message: "tools[0].parameters: Gemini's schema subset has no minLength; dropped." }]);
  });

  it('puts the documented sentinel on Gemini 3 calls that lost their signature, with a warning', () => {
    const built = buildGeminiRequest(
      {
        stream: false,
        body: {
          model: 'gemini-3-flash-preview',
          input: [
            { role: 'user', content: 'weather in Paris and Rome' },
            { type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' },
            { type: 'function_call', call_id: 'call_2', name: 'weather', arguments: '{"city":"Rome"}' },
            { type: 'function_call_output', call_id: 'call_1', output: 'sunny' },
            { type: 'function_call_output', call_id: 'call_2', output: 'rain' },
          ],
        },
      },
      { modelId: 'gemini-3-flash-preview', urlMedia: 'files-api-only' },
    );
    expect(built.body.contents[1]).toEqual({
      role: 'model',
      parts: [
        { functionCall: { id: 'call_1', name: 'weather', args: { city: 'Paris' } }, thoughtSignature: 'skip_thought_signature_validator' },
        { functionCall: { id: 'call_2', name: 'weather', args: { city: 'Rome' } } },
      ],
    });
    expect(built.warnings).toMatchObject([{ type: 'other' }]);
    const older = buildGeminiRequest({ stream: false, body: { model: 'gemini-2.5-flash', input: [{ type: 'function_call', call_id: 'c', name: 'f', arguments: '{}' }] } }, { modelId: 'gemini-2.5-flash', urlMedia: 'files-api-only' });
    expect(older.body.contents[0]?.parts[0]?.thoughtSignature).toBeUndefined();
  });

  it('warns about every Responses field Gemini cannot honour', () => {
    const built = buildGeminiRequest(
      {
        stream: false,
        body: { model: 'gemini-2.5-flash', input: 'x', top_logprobs: 2, max_tool_calls: 1, truncation: 'auto', service_tier: 'flex', include: ['message.output_text.logprobs'], text: { verbosity: 'low' }, tools: [{ type: 'web_search' }], parallel_tool_calls: false },
        chatParameters: { n: 3, logit_bias: { '5': 1 }, logprobs: true, top_logprobs: 1 },
      },
      { modelId: 'gemini-2.5-flash', urlMedia: 'files-api-only' },
    );
    expect(built.warnings.map((warning) => (warning.type === 'unsupported-parameter' ? warning.parameter : warning.message))).toEqual([
      'tools[0]',
      'n',
      'logit_bias',
      'logprobs',
      'top_logprobs',
      'top_logprobs',
      'text.verbosity',
      'max_tool_calls',
      'truncation',
      'service_tier',
      'include',
    ]);
  });
});
