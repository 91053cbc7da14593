import { GatewayError } from '@switchyard/core';

/**
 * The catalogue of errors the gateway itself answers with. Upstream failures arrive as
 * `UpstreamError`s from the adapters; everything else that goes wrong on our side is built here.
 */
export const gatewayErrors = {
  invalidJson: (): GatewayError =>
    new GatewayError({
      status: 400,
      type: 'invalid_request_error',
      message:
        'We could not parse the JSON body of your request. The API expects a JSON payload; check that the body is valid JSON and that it was sent with `Content-Type: application/json`.',
    }),
  unsupportedContentType: (contentType: string): GatewayError =>
    new GatewayError({
      status: 400,
      type: 'invalid_request_error',
      message: `Unsupported Content-Type '${contentType.slice(0, 100)}'. The API expects a JSON body sent with \`Content-Type: application/json\`.`,
    }),
  bodyTooLarge: (limitBytes: number): GatewayError =>
    new GatewayError({
      status: 413,
      type: 'invalid_request_error',
      code: 'request_too_large',
      message: `The request body is larger than the ${limitBytes} bytes this gateway accepts.`,
      headers: { connection: 'close' },
    }),
  unknownUrl: (method: string, path: string): GatewayError =>
    new GatewayError({
      status: 404,
      type: 'invalid_request_error',
      code: 'unknown_url',
      message: `Invalid URL (${method} ${path.slice(0, 200)})`,
    }),
  methodNotAllowed: (method: string, path: string, allowed: readonly string[]): GatewayError =>
    new GatewayError({
      status: 405,
      type: 'invalid_request_error',
      code: 'method_not_allowed',
      message: `Method ${method} is not allowed for ${path.slice(0, 200)}; allowed: ${allowed.join(', ')}.`,
      headers: { allow: allowed.join(', ') },
    }),
  missingApiKey: (): GatewayError =>
    new GatewayError({
      status: 401,
      type: 'authentication_error',
      code: 'invalid_api_key',
      message:
        "You didn't provide an API key. Send it as `Authorization: Bearer <key>` or in the `X-API-Key` header.",
    }),
  invalidApiKey: (): GatewayError =>
    new GatewayError({
      status: 401,
      type: 'authentication_error',
      code: 'invalid_api_key',
      message: 'Incorrect API key provided.',
    }),
  invalidParameter: (message: string, param: string | null): GatewayError =>
    new GatewayError({ status: 400, type: 'invalid_request_error', code: 'invalid_parameter', message, param }),
  modelWithoutProvider: (model: string): GatewayError =>
    new GatewayError({
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_model',
      param: 'model',
      message: `The model '${model.slice(0, 200)}' does not name a provider. Use the form 'provider/model', e.g. 'openai/gpt-4o'.`,
    }),
  modelNotFound: (model: string): GatewayError =>
    new GatewayError({
      status: 404,
      type: 'not_found_error',
      code: 'model_not_found',
      param: 'model',
      message: `The model '${model.slice(0, 200)}' does not exist or you do not have access to it.`,
    }),
  responseNotFound: (responseId: string): GatewayError =>
    new GatewayError({
      status: 404,
      type: 'not_found_error',
      code: 'not_found',
      message: `Response with id '${responseId.slice(0, 200)}' not found.`,
    }),
  unsupportedOperation: (operation: string, provider: string): GatewayError =>
    new GatewayError({
      status: 400,
      type: 'invalid_request_error',
      code: 'unsupported_operation',
      message: `The provider '${provider}' does not support ${operation} yet.`,
    }),
  unsupportedParameter: (parameter: string, message: string): GatewayError =>
    new GatewayError({
      status: 400,
      type: 'invalid_request_error',
      code: 'unsupported_parameter',
      param: parameter,
      message: `${message} (rejected because the request set x-switchyard-strict: true)`,
    }),
  shuttingDown: (): GatewayError =>
    new GatewayError({
      status: 503,
      type: 'service_unavailable',
      code: 'shutting_down',
      message: 'The gateway is shutting down; retry the request.',
      headers: { connection: 'close', 'retry-after': '1' },
      isRetryable: true,
    }),
  internal: (): GatewayError =>
    new GatewayError({
      status: 500,
      type: 'server_error',
      message: 'The gateway had an internal error while processing your request.',
    }),
} as const;
