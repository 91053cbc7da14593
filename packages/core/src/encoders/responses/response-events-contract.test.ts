import { validateOperationResponse, validateStreamEvent } from '@switchyard/contract';
import { checkResponsesStream, findResponsesStreamViolations } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { streamPartScenarios } from '../__fixtures__/stream-part-scenarios.js';
import { testResponseOptions } from '../test-support/encoder-options.js';
import { collectAll, streamParts } from '../test-support/stream-parts.js';
import { collectResponse } from './collect-response.js';
import { encodeResponseEvents } from './encode-response-events.js';

const richRequest = testResponseOptions({
  request: {
    model: 'groq/llama-3.3-70b',
    input: 'Hi',
    instructions: 'Be brief.',
    temperature: 0.3,
    tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object', properties: {} }, strict: false }],
    reasoning: { effort: 'low', summary: 'auto' },
    metadata: { team: 'search' },
    store: false,
    previous_response_id: 'resp_previous',
    max_output_tokens: 256,
    user: 'user-7',
  },
});

describe('Responses encoder output against the contract', () => {
  describe.each(streamPartScenarios)('$name', (scenario) => {
    it('every event validates as a createResponse stream event', async () => {
      const events = await collectAll(encodeResponseEvents(streamParts(scenario.parts), richRequest));
      for (const event of events) {
        expect({ type: event.type, result: validateStreamEvent('createResponse', event) }).toEqual({ type: event.type, result: { valid: true } });
      }
    });

    it('the stream passes checkResponsesStream', async () => {
      const events = await collectAll(encodeResponseEvents(streamParts(scenario.parts), testResponseOptions()));
      if (scenario.name === 'unknown usage') {
        // Decision: usage the provider did not report is omitted, not invented; the checker wants it.
        expect(findResponsesStreamViolations(events).map((violation) => violation.message)).toEqual(['response.completed without usage']);
        return;
      }
      expect(() => checkResponsesStream(events)).not.toThrow();
    });

    it('the collected Response validates as a createResponse 200 body', async () => {
      const response = await collectResponse(streamParts(scenario.parts), richRequest);
      expect(validateOperationResponse('createResponse', 200, 'application/json', response)).toEqual({ valid: true });
    });
  });
});
