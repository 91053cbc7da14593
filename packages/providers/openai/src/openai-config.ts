import type { AdapterContext } from '@switchyard/core';
import type { UpstreamClient } from '@switchyard/provider-utils';

/** Notified of stream anomalies that do not stop the relay (e.g. a sequence-number gap). */
export interface OpenAILogger {
  warn(message: string, details: Readonly<Record<string, unknown>>): void;
}

/** What the operations of one OpenAI-shaped upstream (OpenAI, Azure) need to know. */
export interface OpenAIConfig {
  /** Provider key, e.g. `openai` or `azure`. */
  readonly provider: string;
  readonly client: UpstreamClient;
  /** The model id sent upstream for the gateway's upstream model (Azure: the deployment name). */
  resolveModel(upstreamModel: string): string;
  /** Path of Chat Completions for a model (Azure classic: under the deployment). */
  chatCompletionsPath(model: string): string;
  /** Headers added to one call, e.g. `x-client-request-id`. */
  requestHeaders(context: AdapterContext): Readonly<Record<string, string>>;
  readonly logger: OpenAILogger | undefined;
}
