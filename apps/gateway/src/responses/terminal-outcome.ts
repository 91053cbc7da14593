import type { OutputItem, Response, ResponseError, ResponseStreamEvent } from '@switchyard/contract';
import { generateId } from '@switchyard/core';
import type { ResponseCompletion, TerminalResponseStatus } from '@switchyard/store';

/** How a stream ended, read from its terminal event. */
export interface TerminalOutcome {
  readonly status: TerminalResponseStatus;
  readonly response: Response | undefined;
  readonly error?: ResponseError;
}

const terminalTypes: Readonly<Record<string, TerminalResponseStatus>> = {
  'response.completed': 'completed',
  'response.failed': 'failed',
  'response.incomplete': 'incomplete',
  error: 'failed',
};

/** The outcome when `event` ends a Responses stream, else undefined. */
export function terminalOutcomeOf(event: ResponseStreamEvent): TerminalOutcome | undefined {
  const status = terminalTypes[event.type];
  if (status === undefined) return undefined;
  if (event.type === 'error') {
    const failure = event as { code?: string | null; message?: string };
    return { status, response: undefined, error: { code: 'server_error', message: failure.message ?? 'The response failed.' } as ResponseError };
  }
  return { status, response: (event as { response?: Response }).response };
}

function withItemId(item: OutputItem): OutputItem {
  const raw = item as OutputItem & { id?: unknown; type: string };
  return typeof raw.id === 'string' && raw.id !== '' ? item : ({ ...raw, id: generateId('item') } as OutputItem);
}

/**
 * What the store records for a finished response: the final object's output (or the items seen
 * so far when there is none), usage and error. `fallback` is the last snapshot the stream carried.
 */
export function completionOf(
  outcome: TerminalOutcome,
  seenItems: readonly OutputItem[],
  fallback: Response | undefined,
  extra: Pick<ResponseCompletion, 'workerId' | 'servedBy'> = {},
): ResponseCompletion {
  const final = outcome.response;
  const outputItems = (final?.output ?? seenItems).map(withItemId);
  const error = final?.error ?? outcome.error ?? null;
  const snapshot = final ?? (fallback === undefined ? null : { ...fallback, status: outcome.status, output: outputItems, error });
  return {
    status: outcome.status,
    outputItems,
    usage: final?.usage ?? null,
    snapshot: snapshot === null ? null : { ...snapshot, output: outputItems },
    ...(error === null ? {} : { error }),
    ...extra,
  };
}

/** Collects `response.output_item.done` items, for a stream cut before its terminal event. */
export function outputItemOf(event: ResponseStreamEvent): OutputItem | undefined {
  if (event.type !== 'response.output_item.done') return undefined;
  return (event as { item?: OutputItem }).item;
}
