import type { ParameterizedContext } from 'koa';

/** Per-request values the middleware chain shares (Koa's `ctx.state`). */
export interface GatewayState {
  requestId: string;
  /** Aborted when the client disconnects; handed to adapters as `signal`. */
  abortController: AbortController;
  operationId?: string;
  provider?: string;
}

export type GatewayContext = ParameterizedContext<GatewayState>;
