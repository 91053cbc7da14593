import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';
import { gatewayErrors } from '../errors/gateway-errors.js';

/** The parsed body, or `undefined` when the request carries none. */
export type JsonBody = { readonly present: false } | { readonly present: true; readonly value: unknown };

function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || (mediaType.startsWith('application/') && mediaType.endsWith('+json'));
}

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  if (length !== undefined) return length.trim() !== '0';
  return request.headers['transfer-encoding'] !== undefined;
}

function errorType(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'type' in error && typeof error.type === 'string' ? error.type : undefined;
}

/**
 * Reads and parses a JSON request body with the size cap decided BEFORE buffering: a declared
 * `Content-Length` over the cap is refused at once; a chunked body is counted while it is read
 * and refused as soon as it passes the cap.
 */
export async function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<JsonBody> {
  if (!hasBody(request)) return { present: false };
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > limitBytes) throw gatewayErrors.bodyTooLarge(limitBytes);
  const contentType = request.headers['content-type'];
  if (!isJsonContentType(contentType)) {
    if (contentType === undefined) throw gatewayErrors.invalidJson();
    throw gatewayErrors.unsupportedContentType(contentType);
  }

  let text: string;
  try {
    text = await getRawBody(request, { limit: limitBytes, length: declared, encoding: 'utf8' });
  } catch (error) {
    const type = errorType(error);
    if (type === 'entity.too.large') throw gatewayErrors.bodyTooLarge(limitBytes);
    if (type === 'request.size.invalid') throw gatewayErrors.invalidParameter('The request body is shorter or longer than its Content-Length.', null);
    if (type === 'request.aborted') throw gatewayErrors.invalidParameter('The request body was not completely received.', null);
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') throw gatewayErrors.invalidJson();
    throw error;
  }
  if (text.trim() === '') return { present: false };
  try {
    return { present: true, value: JSON.parse(text) as unknown };
  } catch {
    throw gatewayErrors.invalidJson();
  }
}
