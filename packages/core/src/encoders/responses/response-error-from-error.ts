import { GatewayError } from '../../errors/gateway-error.js';
import type { ResponseErrorCode, ResponseErrorObject } from './response-output-types.js';

const responseErrorCodes: ReadonlySet<string> = new Set<ResponseErrorCode>([
  'server_error',
  'rate_limit_exceeded',
  'invalid_prompt',
  'data_residency_mismatch',
  'bio_policy',
  'vector_store_timeout',
  'invalid_image',
  'invalid_image_format',
  'invalid_base64_image',
  'invalid_image_url',
  'image_too_large',
  'image_too_small',
  'image_parse_error',
  'image_content_policy_violation',
  'invalid_image_mode',
  'image_file_too_large',
  'unsupported_image_media_type',
  'empty_image_file',
  'failed_to_download_image',
  'image_file_not_found',
]);

function isResponseErrorCode(code: string | null): code is ResponseErrorCode {
  return code !== null && responseErrorCodes.has(code);
}

/**
 * The `error` object of a failed `Response`. `code` must be one of OpenAI's `ResponseErrorCode`
 * values: a GatewayError whose own code already is one keeps it, a rate limit becomes
 * `rate_limit_exceeded`, a rejected prompt `invalid_prompt`, anything else `server_error`.
 * Errors that are not GatewayErrors keep no message (it could carry internals).
 */
export function responseErrorFromError(error: unknown): ResponseErrorObject {
  if (!GatewayError.isInstance(error)) {
    return { code: 'server_error', message: 'The upstream provider failed while generating the response.' };
  }
  if (isResponseErrorCode(error.code)) return { code: error.code, message: error.message };
  if (error.status === 429 || error.type === 'rate_limit_error') {
    return { code: 'rate_limit_exceeded', message: error.message };
  }
  if (error.status === 400 || error.type === 'invalid_request_error') {
    return { code: 'invalid_prompt', message: error.message };
  }
  return { code: 'server_error', message: error.message };
}
