import type { CreateChatCompletionRequest } from '@switchyard/contract';
import { chatOnlyParameterNames, type ChatOnlyParameters } from '../adapter/generate-request.js';

/** The chat-only sampling parameters the client actually set (null and absent are left out). */
export function pickChatOnlyParameters(body: CreateChatCompletionRequest): ChatOnlyParameters {
  const picked: Record<string, unknown> = {};
  for (const name of chatOnlyParameterNames) {
    const value = body[name];
    if (value !== undefined && value !== null) picked[name] = value;
  }
  return picked as ChatOnlyParameters;
}
