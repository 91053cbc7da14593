import type { Warning } from '@switchyard/core';
import type { Logger } from 'pino';
import { gatewayErrors } from '../errors/gateway-errors.js';

export const warningsHeader = 'x-switchyard-warnings';
export const strictHeader = 'x-switchyard-strict';

export function isStrict(headerValue: string | string[] | undefined): boolean {
  return typeof headerValue === 'string' && headerValue.trim().toLowerCase() === 'true';
}

/** JSON with every non-ASCII character escaped, so it is a valid header value. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The one place warnings are reported. In strict mode an `unsupported-parameter` warning
 * becomes a 400 naming the parameter; otherwise all warnings are logged and returned in
 * `x-switchyard-warnings` (a JSON array), set through `setHeader` before the response commits.
 */
export function applyWarnings(
  warnings: readonly Warning[],
  options: { readonly strict: boolean; readonly logger: Logger; readonly requestId: string; readonly setHeader: (name: string, value: string) => void },
): void {
  if (warnings.length === 0) return;
  if (options.strict) {
    const unsupported = warnings.find((warning) => warning.type === 'unsupported-parameter');
    if (unsupported !== undefined) throw gatewayErrors.unsupportedParameter(unsupported.parameter, unsupported.message);
  }
  options.logger.info({ requestId: options.requestId, warnings }, 'request served with warnings');
  options.setHeader(warningsHeader, asciiJson(warnings));
}
