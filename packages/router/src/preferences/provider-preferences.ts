import type { ProviderPreferences } from '@switchyard/contract';

export type { ProviderPreferences };

export type ProviderSort = NonNullable<ProviderPreferences['sort']>;

/** Whether a `provider.order/only/ignore` entry names this deployment (by provider or deployment name). */
export function namesDeployment(entry: string, deployment: { readonly name: string; readonly provider: string }): boolean {
  return entry === deployment.provider || entry === deployment.name;
}
