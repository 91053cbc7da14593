import type { ProviderAdapter } from '@switchyard/core';
import { startFakeBedrockUpstream, type FakeBedrockUpstream } from '@switchyard/testing';
import { afterAll, beforeAll } from 'vitest';
import type { BedrockAdapterOptions } from '../bedrock-config.js';
import { createBedrockAdapter } from '../bedrock-provider.js';

export const testCredentials = { accessKeyId: 'AKIATESTKEY1234567', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY' };

/** Starts one fake Bedrock for the file; `adapter()` makes an adapter pointed at it with test credentials. */
export function useFakeBedrock(): { fake: () => FakeBedrockUpstream; adapter: (options?: Partial<BedrockAdapterOptions>) => ProviderAdapter } {
  let fake: FakeBedrockUpstream | undefined;
  beforeAll(async () => {
    fake = await startFakeBedrockUpstream({ accessKeyId: testCredentials.accessKeyId });
  });
  afterAll(async () => {
    await fake?.close();
  });
  const current = (): FakeBedrockUpstream => {
    if (fake === undefined) throw new Error('the fake Bedrock has not started');
    return fake;
  };
  return {
    fake: current,
    adapter: (options = {}) => createBedrockAdapter({ region: 'us-east-1', endpoint: current().url, credentials: testCredentials, ...options }),
  };
}
