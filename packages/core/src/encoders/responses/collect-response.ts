import type { Response } from '@switchyard/contract';
import { GatewayError } from '../../errors/gateway-error.js';
import type { StreamPart } from '../../parts/stream-part.js';
import { encodeResponseEvents } from './encode-response-events.js';
import type { ResponseEncoderOptions } from './response-encoder-options.js';

/**
 * The non-streaming `Response` for the same parts: exactly the snapshot the streaming encoder puts
 * in its terminal event (same state machine), so both paths always agree. Its `status` may be
 * `completed`, `incomplete` or `failed`. A source that throws before its first part rejects.
 */
export async function collectResponse(parts: AsyncIterable<StreamPart>, options: ResponseEncoderOptions): Promise<Response> {
  let finalResponse: Response | undefined;
  for await (const event of encodeResponseEvents(parts, options)) {
    if (event.type === 'response.completed' || event.type === 'response.incomplete' || event.type === 'response.failed') {
      finalResponse = event.response;
    }
  }
  if (finalResponse === undefined) {
    throw new GatewayError({ status: 500, type: 'server_error', message: 'The Responses encoder ended without a terminal event.' });
  }
  return finalResponse;
}
