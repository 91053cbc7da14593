/** Static AWS credentials; without them the SDK's standard chain is used (env, profile, web identity, IMDS). */
export interface BedrockCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface BedrockAdapterOptions {
  /** AWS region of the deployment, e.g. `us-east-1`. */
  readonly region: string;
  /** Overrides the regional endpoint (VPC endpoints, tests). Redirects from it are never followed. */
  readonly endpoint?: string;
  readonly credentials?: BedrockCredentials;
  /** Named profile for the standard credential chain (ignored when `credentials` are given). */
  readonly profile?: string;
  /** Provider key in model names (`bedrock/<modelId>`). Default `bedrock`. */
  readonly name?: string;
  /**
   * Adds `cachePoint` blocks after the system prompt and after the tool list, so Bedrock caches the
   * stable prefix (models with prompt caching only; others reject cache points). Default false.
   */
  readonly promptCaching?: boolean;
  /** Socket timeouts of the HTTP handler, in milliseconds. */
  readonly timeouts?: { readonly connectMs?: number; readonly requestMs?: number };
}
