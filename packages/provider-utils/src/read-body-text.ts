/**
 * Reads at most `maxBytes` of a body as UTF-8 text, then stops reading (which closes the
 * body). Used for error bodies, which are small but come from a party we do not control.
 */
export async function readBodyText(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let remaining = maxBytes;
  for await (const chunk of body) {
    const part = chunk.byteLength > remaining ? chunk.subarray(0, remaining) : chunk;
    text += decoder.decode(part, { stream: true });
    remaining -= part.byteLength;
    if (remaining <= 0) break;
  }
  return text + decoder.decode();
}
