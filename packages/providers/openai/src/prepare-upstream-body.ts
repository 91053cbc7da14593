/**
 * Switchyard's request extensions. They steer the gateway and are never forwarded:
 * `provider` (routing preferences), `tags` (usage attribution), `trace` (tracing metadata).
 */
export const gatewayOnlyFields = ['provider', 'tags', 'trace'] as const;

/**
 * The body sent upstream: the client's body unchanged (every OpenAI parameter is passed
 * through), with `model` set to the upstream model and the gateway-only fields removed.
 */
export function prepareUpstreamBody(body: object, model: string): Record<string, unknown> {
  const upstreamBody: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of gatewayOnlyFields) delete upstreamBody[field];
  if (model !== '') upstreamBody['model'] = model;
  return upstreamBody;
}
