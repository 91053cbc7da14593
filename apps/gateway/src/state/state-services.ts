import type { ResponseStreamEvent } from '@switchyard/contract';
import type { HotState, ResponseStore } from '@switchyard/store';
import type { CompactionConfig } from '../config/compaction-config.js';

/** The gateway's state: the system of record and the hot state instances share. */
export interface StateServices {
  readonly store: ResponseStore;
  readonly hot: HotState<ResponseStreamEvent>;
  /** Tells the local background worker a run was just queued (it also polls). */
  readonly wakeWorker: () => void;
  /** `compaction:` settings (summariser model, kept turns); defaults when omitted. */
  readonly compaction?: CompactionConfig;
}
