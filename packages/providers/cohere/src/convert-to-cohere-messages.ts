import type {
  FunctionCallOutputItemParam,
  InputContent,
  InputItem,
  InputMessage,
  InputMessageContentPart,
  InputParam,
  ReasoningItemParam,
} from '@switchyard/contract';
import { isInputMessage, unresolvedItemReferenceError, type Warning } from '@switchyard/core';
import type { CohereAssistantContent, CohereAssistantMessage, CohereMessage, CohereUserContent } from './cohere-api.js';
import type { CohereModelTraits } from './cohere-config.js';
import { decodeCohereReasoningBlock } from './cohere-reasoning-block.js';

interface ConversionState {
  readonly messages: CohereMessage[];
  readonly warnings: Warning[];
  readonly traits: CohereModelTraits;
  /** The assistant message that following assistant items (text, calls, reasoning) join. */
  openAssistant: CohereAssistantMessage | undefined;
}

/**
 * Turns `instructions` + Responses `input` into Cohere v2 messages:
 * - `instructions`, system and developer messages → `system` messages (in place);
 * - user text and images → `user` content (`image_url` parts only for vision models, else a warning);
 * - assistant text, Cohere reasoning items (thinking blocks and tool plans, rebuilt byte-identically from
 *   `encrypted_content`) and `function_call` items of one turn → one `assistant` message with
 *   `content`, `tool_plan` and `tool_calls`;
 * - `function_call_output` → `tool` messages with `tool_call_id`.
 * Other providers' reasoning and item types Cohere has no place for are dropped with a warning.
 */
export function convertToCohereMessages(
  instructions: string | null | undefined,
  input: InputParam | undefined,
  traits: CohereModelTraits,
): { messages: CohereMessage[]; warnings: Warning[] } {
  const state: ConversionState = { messages: [], warnings: [], traits, openAssistant: undefined };
  if (typeof instructions === 'string' && instructions !== '') state.messages.push({ role: 'system', content: instructions });
  if (typeof input === 'string') state.messages.push({ role: 'user', content: input });
  else input?.forEach((item, index) => convertItem(item, `input[${index}]`, state));
  return { messages: state.messages, warnings: state.warnings };
}

function convertItem(item: InputItem, path: string, state: ConversionState): void {
  if (isInputMessage(item)) {
    convertMessage(item, path, state);
    return;
  }
  if (item.type === 'item_reference' || item.type === undefined || item.type === null) throw unresolvedItemReferenceError(path);
  switch (item.type) {
    case 'function_call': {
      const assistant = openAssistant(state);
      assistant.tool_calls = [...(assistant.tool_calls ?? []), { id: item.call_id, type: 'function', function: { name: item.name, arguments: item.arguments } }];
      return;
    }
    case 'function_call_output':
      convertFunctionCallOutput(item, path, state);
      return;
    case 'reasoning':
      convertReasoning(item, path, state);
      return;
    default:
      warn(state, path, `(${String(item.type)}) has no Cohere equivalent and was dropped`);
  }
}

function convertMessage(item: InputMessage, path: string, state: ConversionState): void {
  if (item.role === 'assistant') {
    const assistant = openAssistant(state);
    const parts = typeof item.content === 'string' ? [{ type: 'output_text' as const, text: item.content, annotations: [] }] : item.content;
    parts.forEach((part, index) => {
      if (part.type === 'output_text' || part.type === 'input_text') appendAssistantContent(assistant, { type: 'text', text: part.text });
      else if (part.type === 'refusal') appendAssistantContent(assistant, { type: 'text', text: part.refusal });
      else warn(state, `${path}.content[${index}]`, `(${part.type}) cannot be part of a Cohere assistant message and was dropped`);
    });
    return;
  }
  state.openAssistant = undefined;
  if (item.role === 'system' || item.role === 'developer') {
    state.messages.push({ role: 'system', content: typeof item.content === 'string' ? item.content : textOf(item.content, `${path}.content`, state) });
    return;
  }
  if (typeof item.content === 'string') {
    state.messages.push({ role: 'user', content: item.content });
    return;
  }
  const content: CohereUserContent[] = [];
  item.content.forEach((part, index) => {
    const converted = convertUserPart(part, `${path}.content[${index}]`, state);
    if (converted !== undefined) content.push(converted);
  });
  const only = content[0];
  state.messages.push({ role: 'user', content: content.length === 1 && only?.type === 'text' ? only.text : content });
}

function convertUserPart(part: InputMessageContentPart, path: string, state: ConversionState): CohereUserContent | undefined {
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return { type: 'text', text: part.text };
    case 'refusal':
      return { type: 'text', text: part.refusal };
    case 'input_image': {
      if (!state.traits.vision) return warn(state, path, 'is an image, and this Cohere model does not take images (use a vision model); it was dropped');
      if (typeof part.image_url !== 'string' || part.image_url === '') {
        return warn(state, path, 'refers to an OpenAI file_id, which Cohere cannot read; send image_url instead. It was dropped');
      }
      const detail = part.detail === 'low' || part.detail === 'high' || part.detail === 'auto' ? part.detail : undefined;
      if (part.detail === 'original') warn(state, `${path}.detail`, '"original" is not a Cohere image detail; the image was sent with Cohere\'s default ("auto")');
      return { type: 'image_url', image_url: { url: part.image_url, ...(detail === undefined ? {} : { detail }) } };
    }
    case 'input_file':
      return warn(state, path, 'is a file; Cohere chat takes no file parts and it was dropped');
  }
}

function convertFunctionCallOutput(item: FunctionCallOutputItemParam, path: string, state: ConversionState): void {
  state.openAssistant = undefined;
  const content = typeof item.output === 'string' ? item.output : textOf(item.output, `${path}.output`, state);
  state.messages.push({ role: 'tool', tool_call_id: item.call_id, content });
}

function convertReasoning(item: ReasoningItemParam, path: string, state: ConversionState): void {
  const block = decodeCohereReasoningBlock(item.encrypted_content);
  if (block === undefined) {
    warn(state, path, 'is reasoning from another provider (or without Cohere state); reasoning is not portable and it was dropped');
    return;
  }
  const assistant = openAssistant(state);
  if (block.type === 'tool_plan') assistant.tool_plan = (assistant.tool_plan ?? '') + block.tool_plan;
  else appendAssistantContent(assistant, { type: 'thinking', thinking: block.thinking });
}

function openAssistant(state: ConversionState): CohereAssistantMessage {
  if (state.openAssistant !== undefined) return state.openAssistant;
  const message: CohereAssistantMessage = { role: 'assistant' };
  state.messages.push(message);
  state.openAssistant = message;
  return message;
}

/** Text-only assistant content stays a string; thinking makes it a list of blocks. */
function appendAssistantContent(assistant: CohereAssistantMessage, block: CohereAssistantContent): void {
  const current = assistant.content;
  if (block.type === 'text' && (current === undefined || typeof current === 'string')) {
    assistant.content = (current ?? '') + block.text;
    return;
  }
  const blocks: CohereAssistantContent[] = current === undefined ? [] : typeof current === 'string' ? [{ type: 'text', text: current }] : current;
  assistant.content = [...blocks, block];
}

function textOf(parts: ReadonlyArray<InputContent | InputMessageContentPart>, path: string, state: ConversionState): string {
  let text = '';
  parts.forEach((part, index) => {
    if (part.type === 'input_text' || part.type === 'output_text') text += part.text;
    else warn(state, `${path}[${index}]`, `(${part.type}) cannot be sent here as text and was dropped`);
  });
  return text;
}

function warn(state: ConversionState, parameter: string, reason: string): undefined {
  state.warnings.push({ type: 'unsupported-parameter', parameter, message: `${parameter} ${reason}.` });
  return undefined;
}
