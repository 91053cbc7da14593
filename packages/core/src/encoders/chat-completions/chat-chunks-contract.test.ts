import { validateOperationResponse, validateStreamEvent } from '@switchyard/contract';
import { checkChatCompletionStream, findChatCompletionStreamViolations } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../errors/gateway-error.js';
import type { StreamPart } from '../../parts/stream-part.js';
import { streamPartScenarios } from '../__fixtures__/stream-part-scenarios.js';
import { testChatOptions } from '../test-support/encoder-options.js';
import { streamParts } from '../test-support/stream-parts.js';
import { collectChatCompletion } from './collect-chat-completion.js';
import { encodeChatCompletionChunks } from './encode-chat-completion-chunks.js';

/** The chunks plus what the gateway's SSE writer appends: an error object on failure, else `[DONE]`. */
async function transcript(parts: readonly StreamPart[], includeUsage: boolean): Promise<unknown[]> {
  const entries: unknown[] = [];
  try {
    for await (const chunk of encodeChatCompletionChunks(streamParts(parts), testChatOptions({ includeUsage }))) entries.push(chunk);
  } catch (error) {
    if (!GatewayError.isInstance(error)) throw error;
    entries.push(error.toEnvelope());
    return entries;
  }
  entries.push('[DONE]');
  return entries;
}

describe('Chat Completions encoder output against the contract', () => {
  describe.each(streamPartScenarios)('$name', (scenario) => {
    it.each([true, false])('every chunk validates as a createChatCompletion stream event (include_usage %s)', async (includeUsage) => {
      const entries = await transcript(scenario.parts, includeUsage);
      for (const entry of entries) {
        if (entry === '[DONE]' || (typeof entry === 'object' && entry !== null && 'error' in entry)) continue;
        expect(validateStreamEvent('createChatCompletion', entry)).toEqual({ valid: true });
      }
    });

    it.each([true, false])('the stream passes checkChatCompletionStream (include_usage %s)', async (includeUsage) => {
      const entries = await transcript(scenario.parts, includeUsage);
      // Unknown usage sends no usage chunk (a decision: no invented zeros), so the checker is told so.
      const usageKnown = scenario.name !== 'unknown usage';
      if (scenario.expected.ending !== 'failed') {
        expect(() => checkChatCompletionStream(entries, { includeUsage: includeUsage && usageKnown })).not.toThrow();
        return;
      }
      // A failed stream ends with the gateway's error frame: the only violations are the ones
      // that frame implies (no finish_reason, no usage chunk, no [DONE]), reported at the end.
      const violations = findChatCompletionStreamViolations(entries, { includeUsage });
      const errorIndex = entries.length - 1;
      expect(violations.filter((violation) => violation.index >= 0 && violation.index !== errorIndex)).toEqual([]);
      expect(new Set(violations.map((violation) => violation.rule))).toEqual(
        new Set(['error-chunk', 'finish-reason', 'done-last', ...(includeUsage ? ['usage'] : [])]),
      );
    });

    it.skipIf(scenario.expected.ending === 'failed')('the collected chat.completion validates as a 200 body', async () => {
      const completion = await collectChatCompletion(streamParts(scenario.parts), testChatOptions());
      expect(validateOperationResponse('createChatCompletion', 200, 'application/json', completion)).toEqual({ valid: true });
    });
  });
});
