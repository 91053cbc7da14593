import type { InputItem, InputMessage } from '@switchyard/contract';

/** Whether an input item is a message in any of its forms (`type` omitted or `message`). */
export function isInputMessage(item: InputItem): item is InputMessage {
  return 'role' in item && 'content' in item && (item.type === undefined || item.type === 'message');
}
