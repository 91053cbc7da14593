import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { convertToGeminiContents } from './convert-to-gemini-contents.js';
import { encodeGeminiReasoning } from './gemini-thought-signature.js';

const studio = { urlMedia: 'files-api-only' as const };

describe('convertToGeminiContents', () => {
  it('rebuilds every signature onto the exact part it came with', () => {
    const result = convertToGeminiContents(undefined, [
      { role: 'user', content: 'q' },
      { type: 'reasoning', summary: [{ type: 'summary_text', text: 'Hmm' }], encrypted_content: encodeGeminiReasoning({ attachedTo: { type: 'part', part: { text: 'Hmm', thought: true, thoughtSignature: 'T1' } } }) },
      { role: 'assistant', content: [{ type: 'output_text', text: 'Answer', annotations: [] }] },
      { type: 'reasoning', summary: [], encrypted_content: encodeGeminiReasoning({ thoughtSignature: 'LATE', attachedTo: { type: 'text', side: 'previous' } }) },
      { type: 'reasoning', summary: [], encrypted_content: encodeGeminiReasoning({ thoughtSignature: 'CALL', attachedTo: { type: 'functionCall', callId: 'call_gm_1' } }) },
      { type: 'function_call', call_id: 'call_gm_1', name: 'lookup', arguments: '{"q":1}' },
      { type: 'reasoning', summary: [], encrypted_content: encodeGeminiReasoning({ attachedTo: { type: 'part', part: { text: '', thoughtSignature: 'EMPTY' } } }) },
      { type: 'function_call_output', call_id: 'call_gm_1', output: 'done' },
    ], studio);
    expect(result.warnings).toEqual([]);
    expect(result.contents).toEqual([
      { role: 'user', parts: [{ text: 'q' }] },
      {
        role: 'model',
        parts: [
          { text: 'Hmm', thought: true, thoughtSignature: 'T1' },
          { text: 'Answer', thoughtSignature: 'LATE' },
          { functionCall: { name: 'lookup', args: { q: 1 } }, thoughtSignature: 'CALL' },
          { text: '', thoughtSignature: 'EMPTY' },
        ],
      },
      { role: 'user', parts: [{ functionResponse: { name: 'lookup', response: { output: 'done' } } }] },
    ]);
  });

  it('puts a leading text signature on the next model text and keeps Gemini call ids', () => {
    const result = convertToGeminiContents('Sys', [
      { role: 'user', content: 'q' },
      { type: 'reasoning', summary: [], encrypted_content: encodeGeminiReasoning({ thoughtSignature: 'NEXT', attachedTo: { type: 'text', side: 'next' } }) },
      { role: 'assistant', content: 'A' },
      { type: 'function_call', call_id: 'fc-1', name: 'f', arguments: '' },
      { type: 'function_call_output', call_id: 'fc-1', output: '{"ok":true}' },
    ], studio);
    expect(result.systemInstruction).toEqual({ parts: [{ text: 'Sys' }] });
    expect(result.contents.slice(1)).toEqual([
      { role: 'model', parts: [{ text: 'A', thoughtSignature: 'NEXT' }, { functionCall: { id: 'fc-1', name: 'f', args: {} } }] },
      { role: 'user', parts: [{ functionResponse: { id: 'fc-1', name: 'f', response: { ok: true } } }] },
    ]);
  });

  it('drops reasoning from other providers with a warning', () => {
    const result = convertToGeminiContents(undefined, [{ type: 'reasoning', summary: [], encrypted_content: 'anthropic:abc' }, { role: 'user', content: 'q' }], studio);
    expect(result.contents).toEqual([{ role: 'user', parts: [{ text: 'q' }] }]);
    expect(result.warnings).toHaveLength(1);
  });

  it('sends data-URL images inline and refuses plain URLs on AI Studio with a warning', () => {
    const result = convertToGeminiContents(undefined, [
      { role: 'user', content: [
        { type: 'input_text', text: 'what is this' },
        { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'auto' },
        { type: 'input_image', image_url: 'https://example.com/cat.jpg', detail: 'auto' },
      ] },
    ], studio);
    expect(result.contents).toEqual([{ role: 'user', parts: [{ text: 'what is this' }, { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } }] }]);
    expect(result.warnings).toMatchObject([{ type: 'unsupported-parameter', parameter: 'input[0].content[2]' }]);
  });

  it('passes URLs as fileData on Vertex', () => {
    const result = convertToGeminiContents(undefined, [{ role: 'user', content: [{ type: 'input_image', image_url: 'gs://bucket/cat.jpg', detail: 'auto' }] }], { urlMedia: 'any-url' });
    expect(result.contents).toEqual([{ role: 'user', parts: [{ fileData: { mimeType: 'image/jpeg', fileUri: 'gs://bucket/cat.jpg' } }] }]);
  });

  it('sends a previously generated image back as model inlineData', () => {
    const result = convertToGeminiContents(undefined, [{ role: 'user', content: 'draw' }, { type: 'image_generation_call', id: 'ig_1', status: 'completed', result: 'AAAA' }, { role: 'user', content: 'bluer' }], studio);
    expect(result.contents[1]).toEqual({ role: 'model', parts: [{ inlineData: { mimeType: 'image/png', data: 'AAAA' } }] });
  });

  it('rejects a function_call_output without its call with a 400 naming the field', () => {
    expect(() => convertToGeminiContents(undefined, [{ type: 'function_call_output', call_id: 'x', output: '1' }], studio)).toThrow(GatewayError);
    try {
      convertToGeminiContents(undefined, [{ type: 'function_call_output', call_id: 'x', output: '1' }], studio);
    } catch (error) {
      expect(error).toMatchObject({ status: 400, param: 'input[0].call_id' });
    }
  });
});
