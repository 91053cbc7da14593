/** The fields of the one log line written per request. */
export interface RequestLogFields {
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly ms: number;
  readonly provider: string | undefined;
  readonly operationId: string | undefined;
  /** True when the client went away before the response was complete. */
  readonly aborted: boolean;
}
