import type { Response, ResponseStreamEvent } from '@switchyard/contract';

/** What the client must see on every response object, whichever provider produced it. */
export interface ResponseIdentity {
  /** The gateway's `resp_…` id (also for the OpenAI passthrough: the upstream id is replaced). */
  readonly id: string;
  readonly previousResponseId: string | null;
  readonly store: boolean;
  readonly background: boolean;
}

export function withIdentity(response: Response, identity: ResponseIdentity): Response {
  return {
    ...response,
    id: identity.id,
    previous_response_id: identity.previousResponseId,
    store: identity.store,
    background: identity.background,
  };
}

/** The event with its embedded `response` (created, in_progress, completed, …) carrying the identity. */
export function eventWithIdentity(event: ResponseStreamEvent, identity: ResponseIdentity): ResponseStreamEvent {
  const withResponse = event as ResponseStreamEvent & { response?: Response };
  if (typeof withResponse.response !== 'object' || withResponse.response === null) return event;
  return { ...withResponse, response: withIdentity(withResponse.response, identity) } as ResponseStreamEvent;
}

export function identityOf(id: string, body: { previous_response_id?: string | null; store?: boolean | null; background?: boolean | null }): ResponseIdentity {
  return {
    id,
    previousResponseId: body.previous_response_id ?? null,
    store: body.store !== false,
    background: body.background === true,
  };
}
