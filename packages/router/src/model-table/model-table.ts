import type { ModelCapabilities, ModelPrices } from './model-capabilities.js';

/** One row of the built-in model table. */
export interface ModelTableEntry {
  /** Provider kind, as in `provider/model` (`openai`, `anthropic`, `gemini`, `bedrock`…). */
  readonly provider: string;
  /** The provider's own model id. */
  readonly model: string;
  readonly prices: ModelPrices;
  readonly contextWindow: number;
  readonly maxOutput: number;
  readonly capabilities: ModelCapabilities;
  /** The page the prices and limits were taken from. */
  readonly source: string;
  /** Caveats: an uncertain number, a price that depends on the prompt length… */
  readonly note?: string | undefined;
}

export interface ModelTable {
  /** Date (YYYY-MM-DD) the prices were last checked. */
  readonly checkedAt: string;
  readonly models: readonly ModelTableEntry[];
}

/** `provider/model`, the public name of a table row. */
export function modelTableKey(entry: Pick<ModelTableEntry, 'provider' | 'model'>): string {
  return `${entry.provider}/${entry.model}`;
}
