import { operationMetadata, validateOperationRequest, type ContractRouter } from '@switchyard/contract';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import type { GatewayAccounting } from '../accounting/gateway-accounting.js';
import { createRequestMeter } from '../accounting/create-request-meter.js';
import type { ApiKeyAuthenticator } from '../auth/api-key-authenticator.js';
import { resolveRequestCaller, type RequestCaller } from '../auth/resolve-request-caller.js';
import { gatewayErrors } from '../errors/gateway-errors.js';
import { allowedModelsOf } from '../handlers/allowed-models-of.js';
import type { HandlerContext } from '../handlers/handler-context.js';
import type { OperationId } from '../handlers/index.js';
import type { Lifecycle } from '../lifecycle/lifecycle.js';
import type { ProviderDirectory } from '../providers/configured-provider.js';
import type { ModelCatalogue } from '../routing/model-catalogue.js';
import { deploymentHeader, providerHeader } from '../routing/route-and-dispatch.js';
import type { Router } from '@switchyard/router';
import type { StateServices } from '../state/state-services.js';
import { defaultTenant } from '../config/gateway-config.js';
import { applyWarnings, isStrict, strictHeader } from './apply-warnings.js';
import type { GatewayState } from './gateway-state.js';
import { invokeHandler } from './invoke-handler.js';
import { readJsonBody } from './read-json-body.js';
import { sendResult } from './send-result.js';

export interface OperationMiddlewareOptions {
  readonly router: ContractRouter;
  readonly authenticator: ApiKeyAuthenticator;
  readonly providers: ProviderDirectory;
  readonly modelCatalogue: ModelCatalogue;
  readonly lifecycle: Lifecycle;
  readonly logger: Logger;
  readonly bodyLimitBytes: number;
  /** The store and hot state, available once the gateway has started. */
  readonly state: () => StateServices;
  /** Keys, limits, budgets and the ledger, available once the gateway has started. */
  readonly accounting: () => GatewayAccounting;
  readonly masterKey: string | undefined;
  /** Routes every model request (built-in model table and enabled providers, plus the `routing:` section). */
  readonly modelRouter: Router;
}

/** Route → auth → body → contract validation → typed handler → JSON or SSE. */
export function operationMiddleware(options: OperationMiddlewareOptions): Middleware<GatewayState> {
  return async (context) => {
    const match = options.router.match(context.method, context.path);
    if ('error' in match) {
      if (match.error === 'method_not_allowed') {
        throw gatewayErrors.methodNotAllowed(context.method, context.path, match.allowed ?? []);
      }
      throw gatewayErrors.unknownUrl(context.method, context.path);
    }
    const operationId = match.operationId as OperationId;
    context.state.operationId = operationId;

    let caller: RequestCaller = { kind: 'anonymous', tenantId: defaultTenant };
    if (operationMetadata[operationId].authenticated) {
      caller = await resolveRequestCaller(context.headers, {
        authenticator: options.authenticator,
        masterKey: options.masterKey,
        repository: () => options.accounting().keys,
      });
    }
    const tenantId = caller.tenantId;

    const body = await readJsonBody(context.req, options.bodyLimitBytes);
    const parts = { body: body.present ? body.value : undefined, query: context.query, path: match.pathParams, headers: context.headers };
    const validation = validateOperationRequest(operationId, parts);
    if (!validation.valid) {
      const [first] = validation.errors;
      throw gatewayErrors.invalidParameter(first?.message ?? 'The request is invalid.', first?.param ?? null);
    }
    // Handlers (and so adapters) see only the headers the contract declares: never the client's key.
    const strictValue = context.get(strictHeader);
    const idempotencyKey = context.get('idempotency-key');
    const input = {
      ...parts,
      query: validation.query,
      headers: { ...(strictValue === '' ? {} : { [strictHeader]: strictValue }), ...(idempotencyKey === '' ? {} : { 'Idempotency-Key': idempotencyKey }) },
    };

    const strict = isStrict(strictValue || undefined);
    const meter = createRequestMeter({ caller, accounting: options.accounting, requestId: context.state.requestId, tenantId, logger: options.logger, router: options.modelRouter });
    const handlerContext: HandlerContext = {
      requestId: context.state.requestId,
      tenantId,
      caller,
      accounting: options.accounting,
      meter,
      routing: {
        router: options.modelRouter,
        providers: options.providers,
        allowedModels: allowedModelsOf(caller),
        onRouted: (deployment) => {
          meter.setResponseHeader(providerHeader, deployment.provider);
          meter.setResponseHeader(deploymentHeader, deployment.name);
          meter.noteDeployment(deployment);
          context.state.provider = deployment.provider;
        },
        onAttempt: (record) => meter.noteAttempt(record),
      },
      get state() {
        return options.state();
      },
      signal: context.state.abortController.signal,
      warnings: [],
      strict,
      providers: options.providers,
      modelCatalogue: options.modelCatalogue,
      lifecycle: options.lifecycle,
      logger: options.logger,
      setProvider: (name) => {
        context.state.provider = name;
      },
    };
    let reported = 0;
    try {
      const result = await invokeHandler(operationId, input, handlerContext);
      await sendResult(context, operationId, result, {
        logger: options.logger,
        reportWarnings: (setHeader) => {
          for (const [name, value] of Object.entries(meter.responseHeaders)) setHeader(name, value);
          reported = handlerContext.warnings.length;
          applyWarnings(handlerContext.warnings, { strict, logger: options.logger, requestId: handlerContext.requestId, setHeader });
        },
      });
    } finally {
      // The request row of the usage ledger: once, after the answer (or the stream) is over. Its
      // writes run after the answer (drained on close); this waits only while the ledger's backlog is full.
      await meter.close();
    }
    // A stream may add warnings after its headers went out: those can only be logged.
    const late = handlerContext.warnings.slice(reported);
    if (late.length > 0) options.logger.info({ requestId: handlerContext.requestId, warnings: late }, 'warnings raised after the response started');
  };
}
