import { GatewayError } from '@switchyard/core';

/**
 * Answers relayed as they are (OpenAI, Azure and compatible upstreams) can be blocked by a content
 * filter with a 200: a chat completion whose choices all end `finish_reason: "content_filter"` with
 * nothing in them, or a Responses object `incomplete` for `content_filter` with no output. Translated
 * adapters are covered by `withBlockedOutputAsError`; these helpers do the same for relayed answers,
 * so the router can fall to another provider before anything reaches the client.
 */

type JsonObject = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function blockedError(): GatewayError {
  return new GatewayError({
    status: 400,
    type: 'invalid_request_error',
    code: 'content_filter',
    message: 'The provider blocked the request with its content filter before producing output.',
  });
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A chat choice (message or delta) that carries something the client would see. */
function hasChatOutput(message: unknown): boolean {
  if (!isRecord(message)) return false;
  return !isEmpty(message['content']) || !isEmpty(message['tool_calls']) || !isEmpty(message['refusal']) || !isEmpty(message['function_call']);
}

function choicesOf(value: JsonObject): JsonObject[] {
  const choices = value['choices'];
  return Array.isArray(choices) ? choices.filter(isRecord) : [];
}

function isFilteredResponse(response: unknown): boolean {
  if (!isRecord(response) || response['status'] !== 'incomplete') return false;
  const details = response['incomplete_details'];
  return isRecord(details) && details['reason'] === 'content_filter' && isEmpty(response['output']);
}

/** The error to fall back on when a relayed JSON answer was blocked before producing anything. */
export function blockedAnswerError(answer: unknown): GatewayError | undefined {
  if (!isRecord(answer)) return undefined;
  if (answer['object'] === 'chat.completion') {
    const choices = choicesOf(answer);
    const blocked = choices.length > 0 && choices.every((choice) => choice['finish_reason'] === 'content_filter' && !hasChatOutput(choice['message']));
    return blocked ? blockedError() : undefined;
  }
  return answer['object'] === 'response' && isFilteredResponse(answer) ? blockedError() : undefined;
}

/** The same for a relayed stream event seen before any output (see `isRelayedOutput`). */
export function blockedEventError(event: unknown): GatewayError | undefined {
  if (!isRecord(event)) return undefined;
  if (event['object'] === 'chat.completion.chunk') {
    return choicesOf(event).some((choice) => choice['finish_reason'] === 'content_filter') ? blockedError() : undefined;
  }
  return event['type'] === 'response.incomplete' && isFilteredResponse(event['response']) ? blockedError() : undefined;
}

const responsesPreamble = new Set(['response.created', 'response.in_progress', 'response.queued']);

/**
 * Whether a relayed stream event is output the client will see, i.e. where peeking stops: any
 * Responses event after the preamble; a chat chunk once a choice has content, a tool call, a refusal
 * or a finish reason (a role-only first chunk or a usage chunk is not yet output).
 */
export function isRelayedOutput(event: unknown): boolean {
  if (!isRecord(event)) return true;
  if (event['object'] === 'chat.completion.chunk') {
    return choicesOf(event).some((choice) => hasChatOutput(choice['delta']) || !isEmpty(choice['finish_reason']));
  }
  return !responsesPreamble.has(String(event['type']));
}
