import type { InputFileContent, InputImageContent } from '@switchyard/contract';
import type { BedrockContentBlock, BedrockDocumentFormat, BedrockImageFormat } from './bedrock-api.js';

/** A content block, or why the part cannot be sent to Bedrock. */
export type MediaConversion = { readonly block: BedrockContentBlock } | { readonly problem: string };

const imageFormats: Readonly<Record<string, BedrockImageFormat>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

const documentFormats: Readonly<Record<string, BedrockDocumentFormat>> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/html': 'html',
  'text/plain': 'txt',
  'text/markdown': 'md',
};

function parseDataUrl(url: string): { mediaType: string; bytes: Uint8Array } | undefined {
  const match = /^data:([^;,]+)(?:;[^;,]*)*;base64,(.*)$/s.exec(url);
  if (match === null) return undefined;
  return { mediaType: (match[1] as string).toLowerCase(), bytes: new Uint8Array(Buffer.from(match[2] as string, 'base64')) };
}

/**
 * `input_image` → `{image: {format, source: {bytes}}}` from a base64 data URL, or
 * `{source: {s3Location: {uri}}}` for an `s3://` URL. Bedrock fetches nothing over HTTP.
 */
export function convertBedrockImage(part: InputImageContent): MediaConversion {
  const url = part.image_url;
  if (typeof url !== 'string') return { problem: 'images by file_id need the OpenAI Files API' };
  if (url.startsWith('s3://')) {
    const format = imageFormats[`image/${url.split('.').at(-1)?.toLowerCase() ?? ''}`];
    if (format === undefined) return { problem: 'the image format of this S3 object cannot be told from its name (png, jpeg, gif, webp)' };
    return { block: { image: { format, source: { s3Location: { uri: url } } } } };
  }
  const data = parseDataUrl(url);
  if (data === undefined) return { problem: 'Bedrock takes images as base64 data URLs or s3:// URLs; http(s) URLs are not fetched' };
  const format = imageFormats[data.mediaType];
  if (format === undefined) return { problem: `image type ${data.mediaType} is not supported (png, jpeg, gif, webp)` };
  return { block: { image: { format, source: { bytes: data.bytes } } } };
}

/** Document names may hold only letters, digits, single spaces, hyphens, parentheses and brackets. */
function documentName(filename: string | undefined, index: number): string {
  const cleaned = (filename ?? '').replace(/\.[A-Za-z0-9]+$/, '').replace(/[^A-Za-z0-9\s\-()[\]]/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? `document ${index + 1}` : cleaned.slice(0, 200);
}

/** `input_file` with base64 `file_data` → `{document: {format, name, source: {bytes}}}`. */
export function convertBedrockDocument(part: InputFileContent, index: number): MediaConversion {
  if (typeof part.file_data !== 'string') return { problem: 'Bedrock takes files as base64 file_data; file_id and file_url cannot be sent' };
  const data = parseDataUrl(part.file_data);
  if (data === undefined) return { problem: 'file_data must be a base64 data URL' };
  const format = documentFormats[data.mediaType];
  if (format === undefined) return { problem: `document type ${data.mediaType} is not supported by Bedrock` };
  return { block: { document: { format, name: documentName(part.filename, index), source: { bytes: data.bytes } } } };
}
