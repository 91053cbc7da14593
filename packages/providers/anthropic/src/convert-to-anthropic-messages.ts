import type { FunctionCallOutputItemParam, InputContent, InputItem, InputMessage, InputMessageContentPart, InputParam } from '@switchyard/contract';
import { GatewayError, isInputMessage, unresolvedItemReferenceError, type Warning } from '@switchyard/core';
import { safeParseJson } from '@switchyard/provider-utils';
import type { AnthropicContentBlock, AnthropicImageBlock, AnthropicMessage, AnthropicTextBlock } from './anthropic-api.js';
import { decodeAnthropicReasoning, isAnthropicReasoning } from './anthropic-reasoning-codec.js';
import { parseDataUrl } from './parse-data-url.js';

export interface AnthropicPrompt {
  readonly system: AnthropicTextBlock[];
  readonly messages: AnthropicMessage[];
  readonly warnings: Warning[];
}

interface State {
  readonly system: AnthropicTextBlock[];
  readonly messages: AnthropicMessage[];
  readonly warnings: Warning[];
}

/**
 * Turns `instructions` and Responses `input` into Anthropic's `system` blocks and alternating
 * `messages`: system/developer messages join `system`; consecutive turns of the same role are
 * merged (Anthropic requires alternation); `function_call` items become assistant `tool_use`
 * blocks and `function_call_output` items user `tool_result` blocks; this adapter's reasoning
 * items become the exact thinking blocks they came from.
 */
export function convertToAnthropicMessages(instructions: string | null | undefined, input: InputParam | undefined): AnthropicPrompt {
  const state: State = { system: [], messages: [], warnings: [] };
  if (typeof instructions === 'string' && instructions !== '') state.system.push({ type: 'text', text: instructions });
  if (typeof input === 'string') append(state, 'user', [{ type: 'text', text: input }]);
  else input?.forEach((item, index) => convertItem(item, `input[${index}]`, state));
  return state;
}

function append(state: State, role: 'user' | 'assistant', blocks: AnthropicContentBlock[]): void {
  if (blocks.length === 0) return;
  const last = state.messages.at(-1);
  if (last?.role === role) last.content.push(...blocks);
  else state.messages.push({ role, content: blocks });
}

function convertItem(item: InputItem, path: string, state: State): void {
  if (isInputMessage(item)) return convertMessage(item, path, state);
  if (item.type === 'item_reference' || item.type === undefined || item.type === null) throw unresolvedItemReferenceError(path);
  switch (item.type) {
    case 'function_call': {
      const parsed = safeParseJson<unknown>(item.arguments === '' ? '{}' : item.arguments);
      if (!parsed.success) {
        throw new GatewayError({
          status: 400,
          type: 'invalid_request_error',
          code: 'invalid_value',
          param: `${path}.arguments`,
          message: `${path}.arguments must be a JSON object to be sent to Anthropic as tool_use input.`,
        });
      }
      append(state, 'assistant', [{ type: 'tool_use', id: item.call_id, name: item.name, input: parsed.value }]);
      return;
    }
    case 'function_call_output':
      append(state, 'user', [convertFunctionCallOutput(item, path, state)]);
      return;
    case 'reasoning': {
      const encrypted = item.encrypted_content;
      const block = typeof encrypted === 'string' ? decodeAnthropicReasoning(encrypted) : undefined;
      if (block !== undefined) return append(state, 'assistant', [block]);
      const foreign = typeof encrypted === 'string' && !isAnthropicReasoning(encrypted);
      state.warnings.push({
        type: 'unsupported-parameter',
        parameter: path,
        message: foreign
          ? `${path} is reasoning from another provider; it cannot be sent to Anthropic and was dropped.`
          : `${path} (reasoning) has no Anthropic thinking signature in encrypted_content and was dropped.`,
      });
      return;
    }
    default:
      state.warnings.push({
        type: 'unsupported-parameter',
        parameter: path,
        message: `${path} (${String(item.type)}) cannot be sent to Anthropic and was dropped.`,
      });
  }
}


function convertMessage(item: InputMessage, path: string, state: State): void {
  const parts: InputMessageContentPart[] = typeof item.content === 'string' ? [{ type: 'input_text', text: item.content }] : item.content;
  if (item.role === 'system' || item.role === 'developer') {
    parts.forEach((part, index) => {
      if ((part.type === 'input_text' || part.type === 'output_text') && part.text !== '') state.system.push({ type: 'text', text: part.text });
      else if (part.type !== 'input_text' && part.type !== 'output_text') unsupported(`${path}.content[${index}]`, 'system messages can only hold text', state);
    });
    return;
  }
  const blocks: AnthropicContentBlock[] = [];
  parts.forEach((part, index) => {
    const block = convertPart(part, `${path}.content[${index}]`, item.role === 'assistant', state);
    if (block !== undefined) blocks.push(block);
  });
  append(state, item.role, blocks);
}

function convertPart(part: InputMessageContentPart, path: string, assistant: boolean, state: State): AnthropicContentBlock | undefined {
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return part.text === '' ? undefined : { type: 'text', text: part.text };
    case 'refusal':
      return part.refusal === '' ? undefined : { type: 'text', text: part.refusal };
    case 'input_image':
      if (assistant) return unsupported(path, 'assistant turns cannot hold images', state);
      return convertImage(part.image_url, path, state);
    case 'input_file':
      if (assistant) return unsupported(path, 'assistant turns cannot hold files', state);
      return convertFile(part, path, state);
    default:
      return unsupported(path, 'this content part type is not supported', state);
  }
}

function convertImage(imageUrl: string | null | undefined, path: string, state: State): AnthropicImageBlock | undefined {
  if (typeof imageUrl !== 'string') return unsupported(path, 'images by file_id need the OpenAI Files API; send a data: or https: URL', state);
  const dataUrl = parseDataUrl(imageUrl);
  if (dataUrl !== undefined) return { type: 'image', source: { type: 'base64', media_type: dataUrl.mediaType, data: dataUrl.data } };
  if (/^https?:\/\//i.test(imageUrl)) return { type: 'image', source: { type: 'url', url: imageUrl } };
  return unsupported(path, 'image_url must be a data: URL or an http(s): URL', state);
}

function convertFile(part: Extract<InputContent, { type: 'input_file' }>, path: string, state: State): AnthropicContentBlock | undefined {
  const title = part.filename === undefined ? {} : { title: part.filename };
  const dataUrl = part.file_data === undefined ? undefined : parseDataUrl(part.file_data);
  if (dataUrl?.mediaType === 'application/pdf') return { type: 'document', source: { type: 'base64', media_type: dataUrl.mediaType, data: dataUrl.data }, ...title };
  if (part.file_url !== undefined && /^https:\/\//i.test(part.file_url)) return { type: 'document', source: { type: 'url', url: part.file_url }, ...title };
  return unsupported(path, 'only PDF files (as a base64 data: URL or an https: file_url) can be sent to Anthropic', state);
}

function convertFunctionCallOutput(item: FunctionCallOutputItemParam, path: string, state: State): AnthropicContentBlock {
  if (typeof item.output === 'string') return { type: 'tool_result', tool_use_id: item.call_id, content: item.output };
  const content: Array<AnthropicTextBlock | AnthropicImageBlock> = [];
  item.output.forEach((part, index) => {
    const partPath = `${path}.output[${index}]`;
    if (part.type === 'input_text') {
      if (part.text !== '') content.push({ type: 'text', text: part.text });
    } else if (part.type === 'input_image') {
      const image = convertImage(part.image_url, partPath, state);
      if (image !== undefined) content.push(image);
    } else unsupported(partPath, 'tool results can only hold text and images', state);
  });
  return { type: 'tool_result', tool_use_id: item.call_id, content };
}

function unsupported(path: string, reason: string, state: State): undefined {
  state.warnings.push({ type: 'unsupported-parameter', parameter: path, message: `${path}: ${reason}; it was dropped.` });
  return undefined;
}
