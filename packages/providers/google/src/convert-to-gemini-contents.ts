import type { FunctionCallOutputItemParam, InputItem, InputMessage, InputParam } from '@switchyard/contract';
import { GatewayError, isInputMessage, unresolvedItemReferenceError, type Warning } from '@switchyard/core';
import { convertUserContentPart, type UrlMediaSupport } from './convert-user-content-part.js';
import type { GeminiContent, GeminiPart } from './gemini-api.js';
import { decodeGeminiReasoning } from './gemini-thought-signature.js';
import { isGeneratedGeminiCallId } from './gemini-call-id.js';

export interface GeminiContentsConversion {
  readonly contents: GeminiContent[];
  readonly systemInstruction: { parts: Array<{ text: string }> } | undefined;
  readonly warnings: Warning[];
}

interface ConversionState {
  readonly contents: GeminiContent[];
  readonly system: Array<{ text: string }>;
  readonly warnings: Warning[];
  readonly urlMedia: UrlMediaSupport;
  /** call_id → function name, for `functionResponse` (Gemini matches responses by name). */
  readonly callNames: Map<string, string>;
  /** call_id → thought signature to put back on that `functionCall` part. */
  readonly callSignatures: Map<string, string>;
  /** A text signature waiting for the next model text part. */
  pendingTextSignature: string | undefined;
}


/**
 * Responses `instructions` + `input` → Gemini `systemInstruction` + `contents`. System and developer
 * messages join the system instruction; user turns and function results are `user` contents,
 * assistant text and function calls `model` contents; consecutive turns of one role are merged.
 * Reasoning items this adapter wrote (`gemini:`) put their thought signatures back on the exact
 * part they came with; other reasoning is dropped with a warning.
 * Reference: https://ai.google.dev/api/generate-content#request-body
 */
export function convertToGeminiContents(
  instructions: string | null | undefined,
  input: InputParam | undefined,
  options: { urlMedia: UrlMediaSupport },
): GeminiContentsConversion {
  const state: ConversionState = {
    contents: [],
    system: [],
    warnings: [],
    urlMedia: options.urlMedia,
    callNames: new Map(),
    callSignatures: new Map(),
    pendingTextSignature: undefined,
  };
  if (typeof instructions === 'string' && instructions !== '') state.system.push({ text: instructions });
  if (typeof input === 'string') push(state, 'user', { text: input });
  else if (input !== undefined) {
    collectCalls(input, state);
    input.forEach((item, index) => convertItem(item, `input[${index}]`, state));
  }
  if (state.pendingTextSignature !== undefined) {
    state.warnings.push({ type: 'other', message: 'A Gemini thought signature at the end of input had no model text to attach to and was dropped.' });
  }
  return { contents: state.contents, systemInstruction: state.system.length > 0 ? { parts: state.system } : undefined, warnings: state.warnings };
}

function collectCalls(input: InputItem[], state: ConversionState): void {
  for (const item of input) {
    if (isInputMessage(item)) continue;
    if (item.type === 'function_call') state.callNames.set(item.call_id, item.name);
    if (item.type === 'reasoning') {
      const decoded = decodeGeminiReasoning(item.encrypted_content);
      if (decoded !== undefined && 'thoughtSignature' in decoded && decoded.attachedTo.type === 'functionCall') {
        state.callSignatures.set(decoded.attachedTo.callId, decoded.thoughtSignature);
      }
    }
  }
}

function push(state: ConversionState, role: GeminiContent['role'], part: GeminiPart): void {
  const last = state.contents.at(-1);
  if (last?.role === role) last.parts.push(part);
  else state.contents.push({ role, parts: [part] });
}

function convertItem(item: InputItem, path: string, state: ConversionState): void {
  if (isInputMessage(item)) return convertMessage(item, path, state);
  if (item.type === 'item_reference' || item.type === undefined || item.type === null) throw unresolvedItemReferenceError(path);
  switch (item.type) {
    case 'function_call': {
      const args = parseArguments(item.arguments, `${path}.arguments`);
      const signature = state.callSignatures.get(item.call_id);
      push(state, 'model', {
        functionCall: { ...(isGeneratedGeminiCallId(item.call_id) ? {} : { id: item.call_id }), name: item.name, args },
        ...(signature === undefined ? {} : { thoughtSignature: signature }),
      });
      return;
    }
    case 'function_call_output':
      return convertFunctionOutput(item, path, state);
    case 'reasoning':
      return convertReasoning(item.encrypted_content, path, state);
    case 'image_generation_call':
      if (typeof item.result === 'string' && item.result !== '') {
        push(state, 'model', { inlineData: { mimeType: 'image/png', data: item.result } });
        return;
      }
      state.warnings.push({ type: 'other', message: `${path}: an image_generation_call without a result was dropped.` });
      return;
    default:
      state.warnings.push({ type: 'unsupported-parameter', parameter: path, message: `${path} (${String(item.type)}) cannot be sent to Gemini and was dropped.` });
  }
}

function convertMessage(item: InputMessage, path: string, state: ConversionState): void {
  if (item.role === 'system' || item.role === 'developer') {
    const parts = typeof item.content === 'string' ? [{ type: 'input_text' as const, text: item.content }] : item.content;
    parts.forEach((part, index) => {
      if (part.type === 'input_text' || part.type === 'output_text') state.system.push({ text: part.text });
      else state.warnings.push({ type: 'unsupported-parameter', parameter: `${path}.content[${index}]`, message: `${path}.content[${index}]: a system instruction takes text only; the part was dropped.` });
    });
    return;
  }
  const role = item.role === 'assistant' ? 'model' : 'user';
  if (typeof item.content === 'string') {
    pushText(state, role, item.content);
    return;
  }
  item.content.forEach((part, index) => {
    const converted = convertUserContentPart(part, `${path}.content[${index}]`, { urlMedia: state.urlMedia, warnings: state.warnings });
    if (converted === undefined) return;
    if (converted.text !== undefined && Object.keys(converted).length === 1) pushText(state, role, converted.text);
    else push(state, role, converted);
  });
}

function pushText(state: ConversionState, role: GeminiContent['role'], text: string): void {
  if (role === 'model' && state.pendingTextSignature !== undefined) {
    push(state, role, { text, thoughtSignature: state.pendingTextSignature });
    state.pendingTextSignature = undefined;
    return;
  }
  push(state, role, { text });
}

function convertReasoning(encrypted: string | null | undefined, path: string, state: ConversionState): void {
  const decoded = decodeGeminiReasoning(encrypted);
  if (decoded === undefined) {
    state.warnings.push({ type: 'other', message: `${path}: reasoning from another provider (or without encrypted_content) cannot be replayed to Gemini and was dropped.` });
    return;
  }
  if (!('thoughtSignature' in decoded)) return push(state, 'model', decoded.attachedTo.part);
  if (decoded.attachedTo.type === 'functionCall') return; // put on the call in convertItem
  if (decoded.attachedTo.type === 'text' && decoded.attachedTo.side === 'next') {
    state.pendingTextSignature = decoded.thoughtSignature;
    return;
  }
  const last = state.contents.at(-1);
  const wanted = decoded.attachedTo.type;
  const target =
    last?.role === 'model'
      ? [...last.parts].reverse().find((part) => (wanted === 'inlineData' ? part.inlineData !== undefined : part.text !== undefined && part.thought !== true))
      : undefined;
  if (target !== undefined && target.thoughtSignature === undefined) target.thoughtSignature = decoded.thoughtSignature;
  else state.warnings.push({ type: 'other', message: `${path}: a Gemini thought signature had no model ${wanted === 'inlineData' ? 'image' : 'text'} before it and was dropped.` });
}

function parseArguments(text: string, path: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text === '' ? '{}' : text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new GatewayError({ status: 400, type: 'invalid_request_error', code: 'invalid_value', param: path, message: `${path} must be a JSON object for Gemini.` });
}

function convertFunctionOutput(item: FunctionCallOutputItemParam, path: string, state: ConversionState): void {
  const name = state.callNames.get(item.call_id);
  if (name === undefined) {
    throw new GatewayError({
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_value',
      param: `${path}.call_id`,
      message: `${path}.call_id ${item.call_id} matches no function_call in input; Gemini needs the function's name. Send the function_call item too.`,
    });
  }
  const media: GeminiPart[] = [];
  let text: string;
  if (typeof item.output === 'string') text = item.output;
  else {
    const texts: string[] = [];
    item.output.forEach((part, index) => {
      if (part.type === 'input_text') texts.push(part.text);
      else {
        const converted = convertUserContentPart(part, `${path}.output[${index}]`, { urlMedia: state.urlMedia, warnings: state.warnings });
        if (converted !== undefined) media.push(converted);
      }
    });
    text = texts.join('');
  }
  const response = parseObject(text) ?? { output: text };
  push(state, 'user', { functionResponse: { ...(isGeneratedGeminiCallId(item.call_id) ? {} : { id: item.call_id }), name, response } });
  for (const part of media) push(state, 'user', part);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
