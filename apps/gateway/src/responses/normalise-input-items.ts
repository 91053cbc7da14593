import type { CreateResponse, InputItem, ItemResource } from '@switchyard/contract';
import { generateId } from '@switchyard/core';

type Item = Record<string, unknown>;

/** Id prefixes OpenAI uses per item type; anything else gets `item_`. */
const prefixes: Readonly<Record<string, string>> = {
  message: 'msg',
  function_call: 'fc',
  function_call_output: 'fco',
  reasoning: 'rs',
  custom_tool_call: 'ctc',
  custom_tool_call_output: 'ctco',
};

function textPart(role: unknown, text: string): Item {
  return role === 'assistant' ? { type: 'output_text', text, annotations: [] } : { type: 'input_text', text };
}

/** One input item as `input_items` lists it: typed, content as parts, with an `id`. */
function normaliseItem(item: InputItem): ItemResource {
  const raw = item as unknown as Item;
  const type = typeof raw.type === 'string' ? raw.type : 'message';
  const normalised: Item = { ...raw, type };
  if (type === 'message' && typeof raw.content === 'string') normalised.content = [textPart(raw.role, raw.content)];
  if (typeof raw.id !== 'string' || raw.id === '') normalised.id = generateId(prefixes[type] ?? 'item');
  return normalised as unknown as ItemResource;
}

/**
 * This turn's input as stored and listed by `GET /v1/responses/{id}/input_items`: a string becomes
 * one user message; every item gets an `id` when it has none (ids stay gateway-side: the upstream
 * receives the client's own input).
 */
export function normaliseInputItems(input: CreateResponse['input']): ItemResource[] {
  if (input === undefined || input === null) return [];
  if (typeof input === 'string') return [normaliseItem({ role: 'user', content: input } as InputItem)];
  return input.map(normaliseItem);
}
