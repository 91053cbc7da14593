import { GatewayError } from '@switchyard/core';

/** `model` names nothing the registry can route: 404 `model_not_found`, as OpenAI answers. */
export function modelNotFoundError(model: string): GatewayError {
  return new GatewayError({
    status: 404,
    type: 'not_found_error',
    code: 'model_not_found',
    param: 'model',
    message: `The model '${model}' does not exist or is not configured on this gateway.`,
  });
}

/** The key may not use this model: 403, without saying whether the model exists. */
export function modelNotAllowedError(model: string): GatewayError {
  return new GatewayError({
    status: 403,
    type: 'permission_error',
    code: 'model_not_allowed',
    param: 'model',
    message: `This API key is not allowed to use the model '${model}'.`,
  });
}

/** `provider.compliance` left no deployment: fail rather than leave the region. */
export function complianceRegionError(model: string, region: string): GatewayError {
  return new GatewayError({
    status: 403,
    type: 'permission_error',
    code: 'compliance_region_unavailable',
    param: 'provider.compliance',
    message: `No deployment of '${model}' is certified for region ${region}; the request was not sent outside ${region}.`,
  });
}

/** Another provider preference (`only`, `ignore`, `max_price`) left no deployment. */
export function noDeploymentMatchesError(model: string, param: string, reason: string): GatewayError {
  return new GatewayError({
    status: 400,
    type: 'invalid_request_error',
    code: 'no_deployment_matches',
    param,
    message: `No deployment of '${model}' matches the request's provider preferences: ${reason}.`,
  });
}

/** Every candidate is gone before a single attempt (all filtered out or unavailable). */
export function noDeploymentAvailableError(): GatewayError {
  return new GatewayError({
    status: 503,
    type: 'service_unavailable',
    code: 'no_deployment_available',
    message: 'No deployment is available to serve this request right now.',
    headers: { 'retry-after': '1' },
    isRetryable: true,
  });
}

/** A registry configuration problem, found at startup. */
export class RegistryConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryConfigError';
  }
}
