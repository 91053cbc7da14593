import { ConfigError } from './config-error.js';

/** How the gateway compacts conversations for providers without native compaction. */
export interface CompactionConfig {
  /** `provider/model` that writes the summary; the request's own model when omitted. */
  readonly model: string | undefined;
  /** Most recent turns (a turn starts at a user message) kept verbatim after the summary. */
  readonly keepLastTurns: number;
}

export const defaultKeepLastTurns = 1;
export const defaultCompactionConfig: CompactionConfig = { model: undefined, keepLastTurns: defaultKeepLastTurns };

/** Validates the optional `compaction:` section of the config file. */
export function validateCompactionConfig(value: unknown): CompactionConfig {
  if (value === undefined || value === null) return defaultCompactionConfig;
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError('compaction', 'must be a mapping');
  const raw = value as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(raw)) {
    if (key !== 'model' && key !== 'keep_last_turns') throw new ConfigError(`compaction.${key}`, 'unknown setting (allowed here: model, keep_last_turns)');
  }
  let model: string | undefined;
  if (raw.model !== undefined && raw.model !== null) {
    if (typeof raw.model !== 'string' || !/^[^/]+\/.+$/.test(raw.model)) throw new ConfigError('compaction.model', "must be a 'provider/model' name");
    model = raw.model;
  }
  let keepLastTurns = defaultKeepLastTurns;
  if (raw.keep_last_turns !== undefined && raw.keep_last_turns !== null) {
    const turns = raw.keep_last_turns;
    if (typeof turns !== 'number' || !Number.isInteger(turns) || turns < 0 || turns > 1000) {
      throw new ConfigError('compaction.keep_last_turns', 'must be an integer between 0 and 1000');
    }
    keepLastTurns = turns;
  }
  return { model, keepLastTurns };
}
