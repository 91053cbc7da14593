import type { Deployment, Router } from '@switchyard/router';
import { describe, expect, it } from 'vitest';
import type { DispatchContext } from './dispatch-operation.js';
import { trackServedBy } from './track-served-by.js';

const base: DispatchContext = { signal: new AbortController().signal, requestId: 'req_1', upstreamModel: 'gpt-4o-mini', warnings: [], strict: false, clientModel: 'trio' };
const deployment = { name: 'claude-spare', provider: 'claude' } as Deployment;

describe('trackServedBy', () => {
  it('notes the deployment a routed call ended on and still tells the request routing', () => {
    const told: string[] = [];
    const routing = { router: {} as Router, providers: new Map(), allowedModels: undefined, onRouted: (routed: Deployment) => told.push(routed.name), onAttempt: () => undefined };
    const tracked = trackServedBy({ ...base, routing });
    expect(tracked.servedBy()).toBeUndefined();
    tracked.context.routing?.onRouted(deployment);
    expect(tracked.servedBy()).toEqual({ provider: 'claude', deployment: 'claude-spare' });
    expect(told).toEqual(['claude-spare']);
  });

  it('notes nothing for a call that is not routed', () => {
    const tracked = trackServedBy(base);
    expect(tracked.context).toBe(base);
    expect(tracked.servedBy()).toBeUndefined();
  });
});
