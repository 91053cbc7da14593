import type { CreateResponse, InputItem } from '@switchyard/contract';
import { GatewayError } from '@switchyard/core';
import type { ResponseStore } from '@switchyard/store';

type Item = Record<string, unknown>;

function unknownItem(index: number, id: unknown): GatewayError {
  return new GatewayError({
    status: 400,
    type: 'invalid_request_error',
    code: 'item_not_found',
    param: `input[${index}].id`,
    message: `Item with id '${typeof id === 'string' ? id : ''}' not found.`,
  });
}

/**
 * Replaces each `item_reference` of this turn's input with the stored item it names (the tenant's
 * own stored responses only: a foreign or unknown id is a 400 naming `input[i].id`), so every
 * provider receives the item itself.
 */
export async function resolveItemReferences(input: CreateResponse['input'], tenantId: string, store: ResponseStore): Promise<CreateResponse['input']> {
  if (!Array.isArray(input) || !input.some((item) => (item as unknown as Item).type === 'item_reference')) return input;
  const resolved: InputItem[] = [];
  for (const [index, item] of input.entries()) {
    const raw = item as unknown as Item;
    if (raw.type !== 'item_reference') {
      resolved.push(item);
      continue;
    }
    if (typeof raw.id !== 'string' || raw.id === '') throw unknownItem(index, raw.id);
    const found = await store.getItem(tenantId, raw.id);
    if (found === undefined) throw unknownItem(index, raw.id);
    const { status: _status, ...rest } = found as unknown as Item;
    // Ids the gateway gave client messages stay gateway-side (as in a chain); model-made ids travel.
    if (rest.type === 'message' && rest.role !== 'assistant') delete rest.id;
    resolved.push(rest as unknown as InputItem);
  }
  return resolved;
}
