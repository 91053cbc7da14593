import type { CreateChatCompletionRequest, CreateResponse } from '@switchyard/contract';

/** Chat Completions sampling parameters that have no Responses equivalent. */
export type ChatOnlyParameters = Partial<
  Pick<
    CreateChatCompletionRequest,
    'stop' | 'seed' | 'presence_penalty' | 'frequency_penalty' | 'n' | 'logit_bias' | 'logprobs' | 'top_logprobs'
  >
>;

/** The names of {@link ChatOnlyParameters}, in one place. */
export const chatOnlyParameterNames = [
  'stop',
  'seed',
  'presence_penalty',
  'frequency_penalty',
  'n',
  'logit_bias',
  'logprobs',
  'top_logprobs',
] as const satisfies ReadonlyArray<keyof ChatOnlyParameters>;

/**
 * What a translating adapter receives: the request in Responses shape (the canonical request,
 * whichever endpoint the client called), with `model` already set to the upstream model id and
 * `previous_response_id` already expanded by the state layer.
 */
export interface GenerateRequest {
  readonly body: CreateResponse;
  /** Chat-only sampling parameters, when the client called `/v1/chat/completions`. */
  readonly chatParameters?: ChatOnlyParameters;
  /** Whether the client asked for a stream (adapters may stream upstream either way). */
  readonly stream: boolean;
}
