import { checkResponsesStream } from '@switchyard/testing';
import { APIError } from 'openai';
import type { Response, ResponseCreateParamsNonStreaming, ResponseStreamEvent } from 'openai/resources/responses/responses';
import { expect } from 'vitest';
import type { CompatibleMatrix, MatrixProvider } from './compatible-matrix-fixture.js';
import { anonymise, describeClientError, warningParameters, type JsonRecord } from './normalise-upstream-request.js';

export type ResponsesParams = Omit<ResponseCreateParamsNonStreaming, 'model' | 'stream'>;

export interface ResponsesCell {
  /** What the client saw, ids removed: the response or the thrown error. */
  readonly output: JsonRecord;
  /** Parameters named by `x-switchyard-warnings` (non-streaming cells only). */
  readonly warnings: readonly string[] | undefined;
  readonly events: readonly ResponseStreamEvent[];
}

/** The client-visible essentials of a Response (ids checked, then left out). */
export function describeResponse(response: Response): JsonRecord {
  expect(response.id).toMatch(/^resp_/);
  return {
    status: response.status,
    incomplete_details: response.incomplete_details,
    error: response.error === null ? null : { code: response.error.code, message: response.error.message },
    output_text: response.output_text,
    output: response.output.map((item) => {
      expect(item.id).toEqual(expect.any(String));
      if (item.type === 'message') {
        const content = item.content.map((part) => Object.fromEntries(Object.entries(part).filter(([key]) => key !== 'parsed')));
        return { type: item.type, role: item.role, status: item.status, content };
      }
      if (item.type === 'function_call') {
        expect(item.call_id).toMatch(/^call_/);
        // The fake's own ids are counters; scripted ids are part of the snapshot.
        const callId = item.call_id.startsWith('call_fake') ? '<generated>' : item.call_id;
        return { type: item.type, call_id: callId, name: item.name, arguments: JSON.parse(item.arguments) as unknown, status: item.status };
      }
      return { type: item.type };
    }),
    usage: response.usage,
  };
}

/**
 * One Responses cell through the gateway with the official client: `responses.create`, or
 * `responses.stream()` + `finalResponse()` (the SDK's strict accumulator) with every event run
 * through `checkResponsesStream`. Errors thrown by the client become the output.
 */
export async function runResponsesCell(
  matrix: CompatibleMatrix,
  provider: MatrixProvider,
  params: ResponsesParams,
  streaming: boolean,
): Promise<ResponsesCell> {
  const body = { ...params, model: `${provider.name}/${provider.model}` };
  const events: ResponseStreamEvent[] = [];
  try {
    if (!streaming) {
      const { data, response } = await matrix.client.responses.create(body).withResponse();
      return { output: anonymise(provider, describeResponse(data)), warnings: warningParameters(response.headers.get('x-switchyard-warnings')), events };
    }
    const stream = matrix.client.responses.stream(body);
    for await (const event of stream) events.push(event);
    const final = await stream.finalResponse();
    checkResponsesStream(events);
    const terminal = events.at(-1);
    // The accumulated response equals the terminal event's (the SDK adds `output_text` and `parsed`).
    expect(terminal !== undefined && 'response' in terminal ? describeResponse({ ...terminal.response, output_text: final.output_text }) : undefined).toEqual(
      describeResponse(final),
    );
    return { output: anonymise(provider, describeResponse(final)), warnings: undefined, events };
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    return { output: describeClientError(provider, error), warnings: undefined, events };
  }
}

