import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { settleWarnings, type AdapterContext, type GenerateRequest, type ProviderAdapter, type StreamPart } from '@switchyard/core';
import { createSecretRedactor, peekAsyncIterable, type SecretRedactor } from '@switchyard/provider-utils';
import type { BedrockStreamEvent } from './bedrock-api.js';
import type { BedrockAdapterOptions } from './bedrock-config.js';
import { createBedrockUpstreamError } from './bedrock-error.js';
import { buildBedrockStreamTransform } from './build-bedrock-stream-transform.js';
import { converseOutputToEvents } from './converse-output-to-events.js';
import { createBedrockClient } from './create-bedrock-client.js';
import { prepareBedrockRequest } from './prepare-bedrock-request.js';
import { readBedrockStream } from './read-bedrock-stream.js';

/** The Bedrock adapter: a translating `ProviderAdapter` whose `close()` releases the SDK client's sockets. */
export type BedrockAdapter = ProviderAdapter & { close(): Promise<void> };

/**
 * A translating adapter for AWS Bedrock's Converse API: `generate` sends `Converse` for plain
 * requests and `ConverseStream` for streamed ones, and turns either answer into canonical parts.
 */
export function createBedrockAdapter(options: BedrockAdapterOptions): BedrockAdapter {
  const provider = options.name ?? 'bedrock';
  const client = createBedrockClient(options);
  const credentials = options.credentials;
  const redact: SecretRedactor = createSecretRedactor(
    [credentials?.accessKeyId, credentials?.secretAccessKey, credentials?.sessionToken].filter((value): value is string => typeof value === 'string'),
  );

  const generate = async (request: GenerateRequest, context: AdapterContext): Promise<AsyncIterable<StreamPart>> => {
    const modelId = context.upstreamModel;
    const prepared = prepareBedrockRequest(request, { modelId, promptCaching: options.promptCaching === true });
    settleWarnings(prepared.warnings, context);

    if (!request.stream) {
      let output;
      try {
        output = await client.send(new ConverseCommand({ modelId, ...prepared.request }), { abortSignal: context.signal });
      } catch (error) {
        if (context.signal.aborted) throw context.signal.reason;
        throw createBedrockUpstreamError(provider, error, redact);
      }
      const transform = buildBedrockStreamTransform({ jsonToolName: prepared.jsonToolName, responseId: output.$metadata.requestId, modelId });
      const parts = [...converseOutputToEvents(output).flatMap((event) => transform.transform(event)), ...transform.flush()];
      return (async function* replay() {
        yield* parts;
      })();
    }

    const upstreamAbort = new AbortController();
    const signal = AbortSignal.any([context.signal, upstreamAbort.signal]);
    let events: AsyncIterable<BedrockStreamEvent>;
    let requestId: string | undefined;
    try {
      const output = await client.send(new ConverseStreamCommand({ modelId, ...prepared.request }), { abortSignal: signal });
      requestId = output.$metadata.requestId;
      if (output.stream === undefined) throw new Error('ConverseStream answered without a stream');
      events = output.stream;
    } catch (error) {
      if (context.signal.aborted) throw context.signal.reason;
      throw createBedrockUpstreamError(provider, error, redact);
    }
    const transform = buildBedrockStreamTransform({ jsonToolName: prepared.jsonToolName, responseId: requestId, modelId });
    return peekAsyncIterable(
      readBedrockStream({ events, transform, provider, redact, signal: context.signal, abortUpstream: () => upstreamAbort.abort() }),
    );
  };

  return {
    provider,
    operations: {},
    generate,
    close: async () => {
      client.destroy();
    },
  };
}
