import { findChatCompletionStreamViolations, type ChatStreamCheckOptions } from './find-chat-completion-stream-violations.js';
import { StreamCheckError } from './stream-violation.js';

/** Throws a `StreamCheckError` listing every violation, or returns when the chunk stream is valid. */
export function checkChatCompletionStream(chunks: readonly unknown[], options: ChatStreamCheckOptions = {}): void {
  const violations = findChatCompletionStreamViolations(chunks, options);
  if (violations.length > 0) throw new StreamCheckError('Chat Completions', violations);
}
