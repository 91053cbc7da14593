import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { BedrockAdapterOptions } from './bedrock-config.js';

/**
 * The SDK client for one deployment. SigV4 signing and the event-stream framing come from the SDK.
 * - HTTP/1.1 `NodeHttpHandler` (the SDK's default for this client is HTTP/2, needed only by the
 *   bidirectional-stream operation): it is built on `node:http(s).request`, which never follows
 *   redirects, so signed headers cannot travel to another host (tested).
 * - `maxAttempts: 1`: the gateway owns retries and fallbacks; the SDK must not retry behind it.
 * - Without `credentials`, the SDK's standard chain resolves them (env, SSO/profile, web identity, ECS/IMDS).
 */
export function createBedrockClient(options: BedrockAdapterOptions): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region: options.region,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({
      ...(options.timeouts?.connectMs === undefined ? {} : { connectionTimeout: options.timeouts.connectMs }),
      ...(options.timeouts?.requestMs === undefined ? {} : { requestTimeout: options.timeouts.requestMs }),
    }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: { ...options.credentials } }),
    ...(options.profile === undefined || options.credentials !== undefined ? {} : { profile: options.profile }),
  });
}
