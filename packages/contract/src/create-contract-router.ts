import { operationMetadata } from './generated/operation-handlers.gen.js';
import type { OperationId } from './generated/operation-handlers.gen.js';

export type RouteMatch =
  | { readonly operationId: OperationId; readonly pathParams: Readonly<Record<string, string>> }
  | { readonly error: 'not_found' }
  | { readonly error: 'method_not_allowed'; readonly allowed: readonly string[] };

export interface ContractRouter {
  /** Matches a request path (query string ignored) against the contract's path templates. */
  match(method: string, path: string): RouteMatch;
}

type Segment = { readonly literal: string } | { readonly parameter: string };

interface Route {
  readonly segments: readonly Segment[];
  readonly operations: Map<string, OperationId>;
}

function parseTemplate(template: string): Segment[] {
  return template
    .split('/')
    .slice(1)
    .map((part) => {
      const parameter = /^\{([^}]+)\}$/.exec(part)?.[1];
      return parameter === undefined ? { literal: part } : { parameter };
    });
}

/** True when `candidate` is more specific than `current`: a literal wins at the first differing position. */
function moreSpecific(candidate: Route, current: Route): boolean {
  for (let index = 0; index < candidate.segments.length; index += 1) {
    const candidateLiteral = 'literal' in candidate.segments[index]!;
    const currentLiteral = 'literal' in current.segments[index]!;
    if (candidateLiteral !== currentLiteral) return candidateLiteral;
  }
  return false;
}

function segmentsMatch(route: Route, parts: readonly string[]): boolean {
  for (let index = 0; index < parts.length; index += 1) {
    const segment = route.segments[index]!;
    const part = parts[index]!;
    if ('literal' in segment ? segment.literal !== part : part.length === 0) return false;
  }
  return true;
}

/**
 * Builds a router over the operations in `operationMetadata`. Literal segments take precedence over
 * templated ones (`/v1/responses/compact` is never `getResponse`). Path parameters are matched on the
 * raw (still percent-encoded) path and decoded afterwards, so `%2F` stays inside one parameter.
 */
export function createContractRouter(): ContractRouter {
  const routesByLength = new Map<number, Route[]>();
  const routesByTemplate = new Map<string, Route>();
  for (const [operationId, metadata] of Object.entries(operationMetadata) as Array<[OperationId, (typeof operationMetadata)[OperationId]]>) {
    let route = routesByTemplate.get(metadata.path);
    if (!route) {
      route = { segments: parseTemplate(metadata.path), operations: new Map() };
      routesByTemplate.set(metadata.path, route);
      const sameLength = routesByLength.get(route.segments.length) ?? [];
      sameLength.push(route);
      routesByLength.set(route.segments.length, sameLength);
    }
    route.operations.set(metadata.method, operationId);
  }

  return {
    match(method, path) {
      const queryStart = path.indexOf('?');
      const rawPath = queryStart === -1 ? path : path.slice(0, queryStart);
      if (!rawPath.startsWith('/')) return { error: 'not_found' };
      const parts = rawPath.split('/').slice(1);
      let best: Route | undefined;
      for (const route of routesByLength.get(parts.length) ?? []) {
        if (segmentsMatch(route, parts) && (!best || moreSpecific(route, best))) best = route;
      }
      if (!best) return { error: 'not_found' };
      const operationId = best.operations.get(method.toUpperCase());
      if (!operationId) return { error: 'method_not_allowed', allowed: [...best.operations.keys()] };
      const pathParams: Record<string, string> = {};
      for (let index = 0; index < parts.length; index += 1) {
        const segment = best.segments[index]!;
        if (!('parameter' in segment)) continue;
        try {
          pathParams[segment.parameter] = decodeURIComponent(parts[index]!);
        } catch {
          return { error: 'not_found' };
        }
      }
      return { operationId, pathParams };
    },
  };
}
