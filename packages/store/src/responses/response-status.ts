import type { Response } from '@switchyard/contract';

/** `queued → in_progress → completed | failed | incomplete | cancelled` (see README). */
export type ResponseStatus = NonNullable<Response['status']>;
export type TerminalResponseStatus = Exclude<ResponseStatus, 'queued' | 'in_progress'>;

export const terminalStatuses: ReadonlySet<ResponseStatus> = new Set<ResponseStatus>(['completed', 'failed', 'incomplete', 'cancelled']);

export function isTerminalStatus(status: ResponseStatus): status is TerminalResponseStatus {
  return terminalStatuses.has(status);
}
