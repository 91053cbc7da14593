import { randomBytes } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A chat completion id in OpenAI's style: `chatcmpl-` followed by 29 letters and digits. */
export function generateChatCompletionId(): string {
  const bytes = randomBytes(29);
  let suffix = '';
  for (const byte of bytes) suffix += alphabet[byte % alphabet.length];
  return `chatcmpl-${suffix}`;
}
