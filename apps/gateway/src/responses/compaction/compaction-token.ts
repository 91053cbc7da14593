/** Prefix of the `encrypted_content` of compaction items Switchyard made (opaque to clients). */
export const compactionTokenPrefix = 'switchyard-compaction:';

/** What a Switchyard compaction item carries: the summary of the turns it replaced. */
export interface CompactionPayload {
  readonly version: 1;
  readonly summary: string;
  /** `provider/model` that wrote the summary. */
  readonly model: string;
  /** How many items the summary replaced. */
  readonly replacedItems: number;
  /**
   * How many items right before this item (in a stored chain after automatic compaction, or in
   * the output of `/responses/compact`) were kept verbatim: a later request starts with the
   * summary, then those. Absent in tokens made before it was recorded for `/compact`.
   */
  readonly keptItems?: number;
}

export function encodeCompactionToken(payload: CompactionPayload): string {
  return compactionTokenPrefix + Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** The payload of a Switchyard token; undefined for anything else (an OpenAI token, a damaged one). */
export function decodeCompactionToken(token: unknown): CompactionPayload | undefined {
  if (typeof token !== 'string' || !token.startsWith(compactionTokenPrefix)) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token.slice(compactionTokenPrefix.length), 'base64url').toString('utf8')) as Partial<CompactionPayload>;
    if (parsed.version !== 1 || typeof parsed.summary !== 'string') return undefined;
    return {
      version: 1,
      summary: parsed.summary,
      model: typeof parsed.model === 'string' ? parsed.model : '',
      replacedItems: typeof parsed.replacedItems === 'number' ? parsed.replacedItems : 0,
      ...(typeof parsed.keptItems === 'number' ? { keptItems: parsed.keptItems } : {}),
    };
  } catch {
    return undefined;
  }
}
