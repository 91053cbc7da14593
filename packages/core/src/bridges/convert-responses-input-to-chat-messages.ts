import type {
  ChatCompletionMessageToolCall,
  ChatCompletionRequestAssistantMessage,
  ChatCompletionRequestMessage,
  ChatCompletionRequestUserMessageContentPart,
  FunctionCallOutputItemParam,
  InputContent,
  InputItem,
  InputMessage,
  InputMessageContentPart,
  InputParam,
  ReasoningItemParam,
} from '@switchyard/contract';
import { GatewayError } from '../errors/gateway-error.js';
import type { Warning } from '../warnings/warning.js';
import type { ChatCapabilities } from './chat-capabilities.js';
import { unresolvedItemReferenceError } from '../items/unresolved-item-reference-error.js';
import { isInputMessage } from '../items/is-input-message.js';

/** An assistant message that may carry DeepSeek-style `reasoning_content` back upstream. */
export type ChatAssistantMessageWithReasoning = ChatCompletionRequestAssistantMessage & { reasoning_content?: string };

interface ConversionState {
  readonly messages: ChatCompletionRequestMessage[];
  readonly warnings: Warning[];
  readonly capabilities: ChatCapabilities;
  /** Reasoning text waiting for the next assistant message. */
  pendingReasoning: string | undefined;
  /** Index in `messages` of the assistant message that function calls may still join. */
  openAssistantIndex: number | undefined;
}

/**
 * Turns Responses `input` into chat messages. Consecutive `function_call` items become one
 * assistant message with `tool_calls`; `function_call_output` items become `tool` messages.
 * Throws a 400 `GatewayError` for `item_reference` (it needs a response store).
 */
export function convertResponsesInputToChatMessages(
  input: InputParam | undefined,
  capabilities: ChatCapabilities,
): { messages: ChatCompletionRequestMessage[]; warnings: Warning[] } {
  const state: ConversionState = { messages: [], warnings: [], capabilities, pendingReasoning: undefined, openAssistantIndex: undefined };
  if (input === undefined) return { messages: state.messages, warnings: state.warnings };
  if (typeof input === 'string') {
    state.messages.push({ role: 'user', content: input });
    return { messages: state.messages, warnings: state.warnings };
  }
  input.forEach((item, index) => convertItem(item, `input[${index}]`, state));
  if (state.pendingReasoning !== undefined) {
    state.warnings.push({ type: 'other', message: 'Reasoning at the end of input had no assistant turn to attach to and was dropped.' });
  }
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
      const toolCall: ChatCompletionMessageToolCall = {
        id: item.call_id,
        type: 'function',
        function: { name: item.name, arguments: item.arguments },
      };
      openAssistant(state).tool_calls = [...(openAssistant(state).tool_calls ?? []), toolCall];
      return;
    }
    case 'function_call_output':
      convertFunctionCallOutput(item, path, state);
      return;
    case 'reasoning':
      convertReasoning(item, path, state);
      return;
    default:
      state.warnings.push({
        type: 'unsupported-parameter',
        parameter: path,
        message: `${path} (${String(item.type)}) cannot be sent to a Chat Completions provider and was dropped.`,
      });
  }
}


function convertMessage(item: InputMessage, path: string, state: ConversionState): void {
  if (item.role === 'assistant') {
    const assistant = openAssistant(state);
    const parts = typeof item.content === 'string' ? [{ type: 'output_text' as const, text: item.content }] : item.content;
    for (const [partIndex, part] of parts.entries()) {
      appendAssistantPart(assistant, part, `${path}.content[${partIndex}]`, state);
    }
    return;
  }
  state.openAssistantIndex = undefined;
  if (item.role === 'system' || item.role === 'developer') {
    const text = typeof item.content === 'string' ? item.content : textOf(item.content, path, state);
    state.messages.push({ role: item.role, content: text });
    return;
  }
  if (typeof item.content === 'string') {
    state.messages.push({ role: 'user', content: item.content });
    return;
  }
  const parts: ChatCompletionRequestUserMessageContentPart[] = [];
  item.content.forEach((part, partIndex) => {
    const converted = convertUserPart(part, `${path}.content[${partIndex}]`, state);
    if (converted !== undefined) parts.push(converted);
  });
  const onlyText = parts.length === 1 && parts[0]?.type === 'text';
  state.messages.push({ role: 'user', content: onlyText && parts[0]?.type === 'text' ? parts[0].text : parts });
}

function convertUserPart(
  part: InputMessageContentPart,
  path: string,
  state: ConversionState,
): ChatCompletionRequestUserMessageContentPart | undefined {
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return { type: 'text', text: part.text };
    case 'input_image': {
      if (!state.capabilities.imageInput) return unsupported(path, 'image input is not supported by this model', state);
      if (typeof part.image_url !== 'string') return unsupported(path, 'images by file_id need the OpenAI Files API', state);
      const detail = part.detail === 'low' || part.detail === 'high' || part.detail === 'auto' ? part.detail : undefined;
      return { type: 'image_url', image_url: { url: part.image_url, ...(detail === undefined ? {} : { detail }) } };
    }
    case 'input_file': {
      if (!state.capabilities.fileInput) return unsupported(path, 'file input is not supported by this model', state);
      if (part.file_data === undefined && (part.file_id === undefined || part.file_id === null)) {
        return unsupported(path, 'files by file_url cannot be sent to a Chat Completions provider', state);
      }
      return {
        type: 'file',
        file: {
          ...(part.filename === undefined ? {} : { filename: part.filename }),
          ...(part.file_data === undefined ? {} : { file_data: part.file_data }),
          ...(typeof part.file_id === 'string' ? { file_id: part.file_id } : {}),
        },
      };
    }
    default:
      return unsupported(path, 'this content part type is not supported', state);
  }
}

function appendAssistantPart(
  assistant: ChatAssistantMessageWithReasoning,
  part: InputMessageContentPart,
  path: string,
  state: ConversionState,
): void {
  if (part.type === 'output_text' || part.type === 'input_text') {
    const previous = typeof assistant.content === 'string' ? assistant.content : '';
    assistant.content = previous + part.text;
  } else if (part.type === 'refusal') {
    assistant.refusal = (assistant.refusal ?? '') + part.refusal;
  } else {
    unsupported(path, 'assistant messages can only hold text and refusals', state);
  }
}

function convertFunctionCallOutput(item: FunctionCallOutputItemParam, path: string, state: ConversionState): void {
  state.openAssistantIndex = undefined;
  if (typeof item.call_id !== 'string' || item.call_id === '') {
    throw new GatewayError({
      status: 400,
      type: 'invalid_request_error',
      code: 'missing_required_parameter',
      param: `${path}.call_id`,
      message: `${path}.call_id is required to send a function_call_output to a Chat Completions provider.`,
    });
  }
  const content = typeof item.output === 'string' ? item.output : textOf(item.output, `${path}.output`, state);
  state.messages.push({ role: 'tool', tool_call_id: item.call_id, content });
}

function convertReasoning(item: ReasoningItemParam, path: string, state: ConversionState): void {
  const text = (item.content ?? []).map((part) => part.text).join('') || item.summary.map((part) => part.text).join('\n\n');
  if (item.encrypted_content !== undefined && item.encrypted_content !== null) {
    state.warnings.push({
      type: 'unsupported-parameter',
      parameter: `${path}.encrypted_content`,
      message: `${path}.encrypted_content is opaque state of another provider and cannot be sent to this one; it was dropped.`,
    });
  }
  if (!state.capabilities.reasoningContentInput) {
    state.warnings.push({
      type: 'unsupported-parameter',
      parameter: path,
      message: `${path} (reasoning) cannot be sent back to this model and was dropped.`,
    });
    return;
  }
  if (text !== '') state.pendingReasoning = (state.pendingReasoning === undefined ? '' : `${state.pendingReasoning}\n\n`) + text;
}

/** The assistant message that follows items join; created (taking pending reasoning) when needed. */
function openAssistant(state: ConversionState): ChatAssistantMessageWithReasoning {
  const existing = state.openAssistantIndex === undefined ? undefined : state.messages[state.openAssistantIndex];
  if (existing !== undefined && existing.role === 'assistant') return existing;
  const message: ChatAssistantMessageWithReasoning = { role: 'assistant', content: null };
  if (state.pendingReasoning !== undefined) {
    message.reasoning_content = state.pendingReasoning;
    state.pendingReasoning = undefined;
  }
  state.messages.push(message);
  state.openAssistantIndex = state.messages.length - 1;
  return message;
}

function textOf(parts: ReadonlyArray<{ readonly type: string; readonly text?: string }>, path: string, state: ConversionState): string {
  let text = '';
  parts.forEach((part, index) => {
    if (typeof part.text === 'string') text += part.text;
    else unsupported(`${path}[${index}]`, `${part.type} parts cannot be sent here and were dropped`, state);
  });
  return text;
}

function unsupported(path: string, reason: string, state: ConversionState): undefined {
  state.warnings.push({ type: 'unsupported-parameter', parameter: path, message: `${path}: ${reason}.` });
  return undefined;
}
