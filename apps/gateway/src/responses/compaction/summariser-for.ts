import type { Router } from '@switchyard/router';
import type { CompactionConfig } from '../../config/compaction-config.js';
import type { ProviderDirectory } from '../../providers/configured-provider.js';
import { resolveModel, type ResolvedModel } from '../../routing/resolve-model.js';

/** The configured summariser (`compaction.model`), else the request's own model. */
export function summariserFor(config: CompactionConfig | undefined, requestModel: string, providers: ProviderDirectory, router?: Router): { target: ResolvedModel; name: string } {
  const name = config?.model ?? requestModel;
  return { target: resolveModel(name, providers, router), name };
}
