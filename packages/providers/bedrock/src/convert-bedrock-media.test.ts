import { describe, expect, it } from 'vitest';
import { convertBedrockDocument, convertBedrockImage } from './convert-bedrock-media.js';

describe('convertBedrockImage', () => {
  it.each([
    ['data:image/png;base64,AAEC', 'png'],
    ['data:image/jpeg;base64,AAEC', 'jpeg'],
    ['data:image/gif;base64,AAEC', 'gif'],
    ['data:image/webp;base64,AAEC', 'webp'],
  ])('%s → image bytes (%s)', (url, format) => {
    expect(convertBedrockImage({ type: 'input_image', image_url: url })).toEqual({ block: { image: { format, source: { bytes: new Uint8Array([0, 1, 2]) } } } });
  });

  it('passes s3:// URLs as s3Location', () => {
    expect(convertBedrockImage({ type: 'input_image', image_url: 's3://bucket/cat.JPEG' })).toEqual({
      block: { image: { format: 'jpeg', source: { s3Location: { uri: 's3://bucket/cat.JPEG' } } } },
    });
  });

  it.each([
    [{ type: 'input_image' as const, image_url: 'https://example.com/cat.png' }, /not fetched/],
    [{ type: 'input_image' as const, file_id: 'file_1' }, /file_id/],
    [{ type: 'input_image' as const, image_url: 'data:image/bmp;base64,AAEC' }, /image\/bmp/],
  ])('explains why %j cannot be sent', (part, problem) => {
    const result = convertBedrockImage(part);
    expect('problem' in result && result.problem).toMatch(problem);
  });
});

describe('convertBedrockDocument', () => {
  it('turns a base64 PDF into a named document block', () => {
    expect(convertBedrockDocument({ type: 'input_file', filename: 'Q3 report (final).v2.pdf', file_data: 'data:application/pdf;base64,JVBE' }, 0)).toEqual({
      block: { document: { format: 'pdf', name: 'Q3 report (final) v2', source: { bytes: new Uint8Array(Buffer.from('JVBE', 'base64')) } } },
    });
  });

  it('names unnamed documents and refuses file ids', () => {
    const result = convertBedrockDocument({ type: 'input_file', file_data: 'data:text/plain;base64,aGk=' }, 2);
    expect('block' in result && result.block.document?.name).toBe('document 3');
    expect(convertBedrockDocument({ type: 'input_file', file_id: 'file_1' }, 0)).toMatchObject({ problem: expect.stringContaining('file_id') });
  });
});
