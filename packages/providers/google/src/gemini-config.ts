/** What the adapter needs to know about a Gemini model id. */
export interface GeminiModelTraits {
  /** Image-output models answer with `inlineData` images: `responseModalities: ["TEXT","IMAGE"]`. */
  readonly imageOutput: boolean;
  /** `thinkingLevel` (Gemini 3 and later) or `thinkingBudget` (Gemini 2.5), or none. */
  readonly thinking: 'level' | 'budget' | 'none';
  /** Gemini 2.5 Pro cannot turn thinking off (`thinkingBudget: 0` is refused). */
  readonly thinkingAlwaysOn: boolean;
  /** Flash models accept the `minimal` and `medium` thinking levels; Pro only `low` and `high`. */
  readonly flash: boolean;
}

/**
 * Image-output models (https://ai.google.dev/gemini-api/docs/image-generation):
 * `gemini-2.5-flash-image`, `gemini-3-pro-image-preview`, the older
 * `gemini-2.0-flash-preview-image-generation`, and their `-preview` variants.
 */
const imageModelPattern = /^gemini-[\d.]+-(?:flash|pro)(?:-preview)?-image(?:-|$)|^gemini-2\.0-flash-(?:exp-|preview-)image-generation/;

/**
 * Thinking controls per family (https://ai.google.dev/gemini-api/docs/thinking): Gemini 3 and
 * later take `thinkingLevel`; Gemini 2.5 takes `thinkingBudget`; earlier models do not think.
 */
export function geminiModelTraits(modelId: string): GeminiModelTraits {
  const id = modelId.replace(/^models\//, '');
  const major = /^gemini-(\d+)(?:\.(\d+))?/.exec(id);
  const version = major === null ? 0 : Number(major[1]) + Number(major[2] ?? 0) / 10;
  const imageOutput = imageModelPattern.test(id);
  const flash = id.includes('flash');
  const thinking = imageOutput ? 'none' : version >= 3 ? 'level' : version >= 2.5 ? 'budget' : 'none';
  return { imageOutput, thinking, thinkingAlwaysOn: thinking === 'budget' && id.includes('pro'), flash };
}
