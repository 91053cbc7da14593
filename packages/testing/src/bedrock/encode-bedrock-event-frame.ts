import { EventStreamCodec } from '@smithy/eventstream-codec';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const codec = new EventStreamCodec(
  (bytes: Uint8Array) => decoder.decode(bytes),
  (text: string) => encoder.encode(text),
);

const header = (value: string) => ({ type: 'string' as const, value });

/** One `application/vnd.amazon.eventstream` frame carrying a ConverseStream event. */
export function encodeBedrockEventFrame(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: { ':event-type': header(eventType), ':content-type': header('application/json'), ':message-type': header('event') },
    body: encoder.encode(JSON.stringify(payload)),
  });
}

/** One frame carrying a modelled stream exception (`:message-type: exception`). */
export function encodeBedrockExceptionFrame(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: { ':exception-type': header(exceptionType), ':content-type': header('application/json'), ':message-type': header('exception') },
    body: encoder.encode(JSON.stringify({ message })),
  });
}

/** Decodes one frame (used by tests to read what the fake wrote). */
export function decodeBedrockFrame(frame: Uint8Array): { headers: Record<string, string>; payload: unknown } {
  const message = codec.decode(frame);
  const headers = Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, String(value.value)]));
  return { headers, payload: JSON.parse(decoder.decode(message.body)) as unknown };
}
