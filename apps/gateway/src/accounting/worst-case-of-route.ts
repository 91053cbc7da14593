import { ModelPriceUnknownError } from '@switchyard/accounting';
import { estimateMaxCost, type CostEstimateRequest, type Deployment, type ProviderPreferences, type Router } from '@switchyard/router';
import type { Logger } from 'pino';
import type { RequestCaller } from '../auth/resolve-request-caller.js';
import type { MeteredCall } from './request-meter.js';
import { tableDeployment } from './table-deployment.js';

export interface WorstCase {
  /** The input estimate (the same for every candidate: it depends on the body only). */
  readonly inputTokens: number;
  /** The largest input + output token estimate over the candidates (for the tpm check). */
  readonly tokens: number;
  /** The largest worst-case cost over the priced candidates (the budget reservation). */
  readonly usd: number;
  /** Candidates without a known price (a budget cannot hold those back). */
  readonly unpriced: readonly string[];
}

export interface WorstCaseOfRouteOptions {
  readonly caller: RequestCaller;
  /** Lists the route's candidates (absent: the named provider only). */
  readonly router: Router | undefined;
  readonly logger: Logger;
}

/** Unpriced deployments already warned about (once per process and deployment). */
const warnedUnpriced = new Set<string>();

/**
 * Worst-case tokens and cost of a request over every deployment its route may reach (retries and
 * fallbacks included), so a fallback to a pricier deployment stays inside the reservation.
 */
export function worstCaseOver(body: CostEstimateRequest, candidates: readonly Deployment[]): WorstCase {
  let inputTokens = 0;
  let tokens = 0;
  let usd = 0;
  const unpriced: string[] = [];
  for (const deployment of candidates) {
    const estimate = estimateMaxCost(body, deployment);
    inputTokens = Math.max(inputTokens, estimate.inputTokens);
    tokens = Math.max(tokens, estimate.inputTokens + estimate.outputTokens);
    if (estimate.usd === undefined) unpriced.push(deployment.name);
    else usd = Math.max(usd, estimate.usd);
  }
  return { inputTokens, tokens, usd, unpriced };
}

function preferencesOf(body: MeteredCall['body']): ProviderPreferences | undefined {
  const value = body.provider;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as ProviderPreferences) : undefined;
}

function routeInput(body: MeteredCall['body']): string | readonly unknown[] | undefined {
  const input = body.input;
  return typeof input === 'string' || Array.isArray(input) ? (input as string | readonly unknown[]) : undefined;
}

/** The deployments a call may reach: the router's candidates (with fallbacks, within the key's allow-list), or the named provider. */
function candidatesOf(call: MeteredCall, options: WorstCaseOfRouteOptions): readonly Deployment[] {
  if (options.router === undefined) return [tableDeployment(call.providerKinds, call.upstreamModel, call.providerName)];
  const { caller } = options;
  const allowedModels = caller.kind === 'key' ? (caller.key.allowedModels ?? undefined) : undefined;
  return options.router.route({ model: call.clientModel, preferences: preferencesOf(call.body), allowedModels, input: routeInput(call.body) }).candidates;
}

/**
 * The worst case of a call over every deployment its route may reach (see `worstCaseOver`). A
 * candidate without a known price would let a budgeted key spend without limit: for a key with a
 * budget it throws `ModelPriceUnknownError` (403, before any upstream call); otherwise the
 * deployment is warned about once per process and its requests are recorded at cost 0.
 */
export function worstCaseOfRoute(call: MeteredCall, options: WorstCaseOfRouteOptions): WorstCase {
  const worst = worstCaseOver(call.body, candidatesOf(call, options));
  if (worst.unpriced.length === 0) return worst;
  const { caller } = options;
  if (caller.kind === 'key' && caller.key.budget !== null) throw new ModelPriceUnknownError(call.clientModel, worst.unpriced);
  for (const name of worst.unpriced) {
    if (warnedUnpriced.has(name)) continue;
    warnedUnpriced.add(name);
    options.logger.warn({ deployment: name, model: call.clientModel }, 'no price is known for this deployment: its requests are recorded at cost 0 (set prices in the configuration)');
  }
  return worst;
}
