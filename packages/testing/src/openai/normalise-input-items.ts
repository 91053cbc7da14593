import { isRecord } from './derive-fake-answer.js';

/** Turns a `CreateResponse.input` into stored input items (`ItemResource` shape, each with an id). */
export function normaliseInputItems(input: unknown, nextId: (prefix: string) => string): Record<string, unknown>[] {
  if (typeof input === 'string') {
    return [{ id: nextId('msg'), type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: input }] }];
  }
  if (!Array.isArray(input)) return [];
  return input.filter(isRecord).map((item) => {
    if (item.type === undefined || item.type === 'message') {
      const content =
        typeof item.content === 'string' ? [{ type: item.role === 'assistant' ? 'output_text' : 'input_text', text: item.content }] : item.content;
      return { id: item.id ?? nextId('msg'), type: 'message', role: item.role, status: 'completed', content };
    }
    const prefix = item.type === 'function_call_output' ? 'fco' : item.type === 'function_call' ? 'fc' : 'item';
    return { id: item.id ?? nextId(prefix), ...item };
  });
}
