import type { InputMessageContentPart } from '@switchyard/contract';
import type { Warning } from '@switchyard/core';
import type { GeminiPart } from './gemini-api.js';

/** How URL media may be passed: Vertex fetches `https://` and `gs://` URIs itself; AI Studio only Files API URIs. */
export type UrlMediaSupport = 'any-url' | 'files-api-only';

export interface ContentPartContext {
  readonly urlMedia: UrlMediaSupport;
  readonly warnings: Warning[];
}

const dataUrlPattern = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s;

const extensionTypes: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
  pdf: 'application/pdf',
  txt: 'text/plain',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
};

function mediaTypeFromName(name: string): string | undefined {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(name)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : extensionTypes[extension];
}

function unsupported(path: string, message: string, context: ContentPartContext): undefined {
  context.warnings.push({ type: 'unsupported-parameter', parameter: path, message: `${path}: ${message}; it was dropped.` });
  return undefined;
}

/** A data URL → `inlineData`; a URL → `fileData` where the endpoint fetches it. */
function mediaPart(url: string, fallbackType: string | undefined, path: string, context: ContentPartContext): GeminiPart | undefined {
  const inline = dataUrlPattern.exec(url);
  if (inline !== null) return { inlineData: { mimeType: inline[1] as string, data: inline[2] as string } };
  const isFilesApi = url.startsWith('https://generativelanguage.googleapis.com/');
  const isRemote = /^(?:https?|gs):\/\//.test(url);
  if (!isRemote) return unsupported(path, 'only data URLs and http(s)/gs URLs can be sent to Gemini', context);
  if (!isFilesApi && context.urlMedia === 'files-api-only') {
    return unsupported(path, 'the Gemini API fetches only Files API URIs; send the image as a data URL instead', context);
  }
  const mimeType = mediaTypeFromName(url) ?? fallbackType;
  if (mimeType === undefined) return unsupported(path, 'the media type of this URL cannot be told from its name', context);
  return { fileData: { mimeType, fileUri: url } };
}

/**
 * One user content part → a Gemini part: text, `inlineData` (data URLs) or `fileData` (URLs, see
 * {@link UrlMediaSupport}). File ids need OpenAI's Files API and are dropped with a warning.
 * Reference: https://ai.google.dev/gemini-api/docs/image-understanding
 */
export function convertUserContentPart(part: InputMessageContentPart, path: string, context: ContentPartContext): GeminiPart | undefined {
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return { text: part.text };
    case 'refusal':
      return { text: part.refusal };
    case 'input_image':
      if (typeof part.image_url !== 'string') return unsupported(path, 'images by file_id need the OpenAI Files API', context);
      return mediaPart(part.image_url, undefined, path, context);
    case 'input_file': {
      const fallbackType = part.filename === undefined ? undefined : mediaTypeFromName(part.filename);
      if (typeof part.file_data === 'string') {
        const inline = dataUrlPattern.exec(part.file_data);
        if (inline !== null) return { inlineData: { mimeType: inline[1] as string, data: inline[2] as string } };
        if (fallbackType === undefined) return unsupported(path, 'file_data needs a data URL or a filename with a known extension', context);
        return { inlineData: { mimeType: fallbackType, data: part.file_data } };
      }
      if (typeof part.file_url === 'string') return mediaPart(part.file_url, fallbackType, path, context);
      return unsupported(path, 'files by file_id need the OpenAI Files API', context);
    }
    default:
      return unsupported(path, 'this content type has no Gemini equivalent', context);
  }
}
