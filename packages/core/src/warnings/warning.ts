/**
 * Something the target provider cannot honour. Never dropped silently: the gateway returns
 * warnings in the `x-switchyard-warnings` header and logs them, or rejects the request with
 * a 400 when the client asked for strictness.
 */
export type Warning =
  | {
      readonly type: 'unsupported-parameter';
      /** The request field, in OpenAI's `param` notation, e.g. `logit_bias` or `tools[1]`. */
      readonly parameter: string;
      readonly message: string;
    }
  | { readonly type: 'other'; readonly message: string };
