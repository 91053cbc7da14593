import type { ChatCompletionRequestMessage, InputContent, InputItem } from '@switchyard/contract';
import type { Warning } from '../warnings/warning.js';

/**
 * Chat messages → Responses `instructions` + `input`. Leading system/developer messages become
 * `instructions`; later ones stay messages with their role. Assistant `tool_calls` become
 * `function_call` items, `tool` messages `function_call_output` items.
 */
export function convertChatMessagesToResponsesInput(messages: readonly ChatCompletionRequestMessage[]): {
  instructions: string | undefined;
  input: InputItem[];
  warnings: Warning[];
} {
  const warnings: Warning[] = [];
  const input: InputItem[] = [];
  const instructions: string[] = [];
  const warn = (parameter: string, reason: string): void => {
    warnings.push({ type: 'unsupported-parameter', parameter, message: `${parameter} ${reason}` });
  };

  messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    if ('name' in message && message.name !== undefined && message.role !== 'function') {
      warn(`${path}.name`, 'has no Responses equivalent and was ignored.');
    }
    switch (message.role) {
      case 'system':
      case 'developer': {
        const text = typeof message.content === 'string' ? message.content : message.content.map((part) => part.text).join('');
        if (input.length === 0) instructions.push(text);
        else input.push({ role: message.role, content: text });
        return;
      }
      case 'user': {
        if (typeof message.content === 'string') {
          input.push({ role: 'user', content: message.content });
          return;
        }
        const content: InputContent[] = [];
        message.content.forEach((part, partIndex) => {
          const partPath = `${path}.content[${partIndex}]`;
          if (part.type === 'text') content.push({ type: 'input_text', text: part.text });
          else if (part.type === 'image_url') {
            content.push({ type: 'input_image', image_url: part.image_url.url, detail: part.image_url.detail ?? 'auto' });
          } else if (part.type === 'file') {
            content.push({
              type: 'input_file',
              ...(part.file.file_id === undefined ? {} : { file_id: part.file.file_id }),
              ...(part.file.file_data === undefined ? {} : { file_data: part.file.file_data }),
              ...(part.file.filename === undefined ? {} : { filename: part.file.filename }),
            });
          } else warn(partPath, `(${part.type}) cannot be sent to a Responses model and was dropped.`);
        });
        input.push({ role: 'user', content });
        return;
      }
      case 'assistant': {
        const text =
          typeof message.content === 'string'
            ? message.content
            : (message.content ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');
        if (text !== '') input.push({ role: 'assistant', content: text });
        if (typeof message.refusal === 'string' && message.refusal !== '') {
          input.push({ role: 'assistant', content: [{ type: 'refusal', refusal: message.refusal }] });
        }
        if (message.audio !== undefined && message.audio !== null) warn(`${path}.audio`, 'cannot be sent to a Responses model and was dropped.');
        if (message.function_call !== undefined && message.function_call !== null) {
          warn(`${path}.function_call`, 'is the deprecated function-calling form; use tool_calls. It was dropped.');
        }
        (message.tool_calls ?? []).forEach((toolCall) => {
          if (toolCall.type === 'function') {
            input.push({ type: 'function_call', call_id: toolCall.id, name: toolCall.function.name, arguments: toolCall.function.arguments });
          } else {
            input.push({ type: 'custom_tool_call', call_id: toolCall.id, name: toolCall.custom.name, input: toolCall.custom.input });
          }
        });
        return;
      }
      case 'tool': {
        const output = typeof message.content === 'string' ? message.content : message.content.map((part) => part.text).join('');
        input.push({ type: 'function_call_output', call_id: message.tool_call_id, output });
        return;
      }
      case 'function':
        warn(path, 'uses the deprecated function role; send tool messages instead. It was dropped.');
        return;
    }
  });
  return { instructions: instructions.length === 0 ? undefined : instructions.join('\n\n'), input, warnings };
}
