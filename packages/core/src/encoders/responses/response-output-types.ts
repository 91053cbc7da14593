import type { OutputItem, Response, ResponseStreamEvent } from '@switchyard/contract';

/** Narrowed views of the contract's types that the Responses encoder builds. */
export type OutputMessageItem = Extract<OutputItem, { type: 'message' }>;
export type ReasoningOutputItem = Extract<OutputItem, { type: 'reasoning' }>;
export type FunctionCallOutputItem = Extract<OutputItem, { type: 'function_call' }>;
export type ImageGenerationOutputItem = Extract<OutputItem, { type: 'image_generation_call' }>;
export type OutputMessagePart = OutputMessageItem['content'][number];
export type OutputTextPart = Extract<OutputMessagePart, { type: 'output_text' }>;
export type OutputTextAnnotation = OutputTextPart['annotations'][number];
export type ResponseStatus = NonNullable<Response['status']>;
export type ResponseErrorObject = NonNullable<Response['error']>;
export type ResponseErrorCode = ResponseErrorObject['code'];
export type IncompleteReason = NonNullable<NonNullable<Response['incomplete_details']>['reason']>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A stream event before the encoder stamps its `sequence_number`. */
export type UnsequencedResponseEvent = DistributiveOmit<ResponseStreamEvent, 'sequence_number'>;
