import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@switchyard/source'] },
  ssr: { resolve: { conditions: ['@switchyard/source'] } },
  test: { include: ['src/**/*.test.ts'] },
});
