import type { ServedBy } from '@switchyard/store';
import type { DispatchContext } from './dispatch-operation.js';

export interface TrackedDispatch {
  /** The context to dispatch with: the same, with `routing.onRouted` also noting the deployment. */
  readonly context: DispatchContext;
  /** The provider and deployment that served the call; undefined until routed, or when not routed. */
  servedBy(): ServedBy | undefined;
}

/**
 * Notes which deployment a routed call ends on (after retries and fallbacks), so the stored
 * response records the provider that actually produced it, not the one its model resolved to
 * first (a follow-up's reasoning items and affinity depend on it). Without routing, nothing is noted.
 */
export function trackServedBy(context: DispatchContext): TrackedDispatch {
  const routing = context.routing;
  let served: ServedBy | undefined;
  if (routing === undefined) return { context, servedBy: () => undefined };
  return {
    context: {
      ...context,
      routing: {
        ...routing,
        onRouted: (deployment) => {
          served = { provider: deployment.provider, deployment: deployment.name };
          routing.onRouted(deployment);
        },
      },
    },
    servedBy: () => served,
  };
}
