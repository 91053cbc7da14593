/** Why a piece of upstream data could not be used. Never carries the upstream bytes themselves. */
export interface ParseFailure {
  readonly kind: 'invalid-json' | 'invalid-shape';
  /** A message safe to log and to show: it names the problem, never the payload. */
  readonly message: string;
}

/** The outcome of parsing one piece of upstream data: a typed value, or a typed failure. */
export type ParseResult<T> =
  | { readonly success: true; readonly value: T }
  | { readonly success: false; readonly error: ParseFailure };
