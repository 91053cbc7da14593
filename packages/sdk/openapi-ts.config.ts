import { defineConfig } from '@hey-api/openapi-ts';

// Generates the SDK from the bundled contract (run `pnpm --filter @switchyard/contract generate` first;
// turbo does it through `dependsOn: ["^generate"]`). Everything in src/generated is rewritten each run.
export default defineConfig({
  input: '../contract/bundled/openapi.json',
  output: { path: 'src/generated', clean: true, module: { extension: '.js' } },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
  logs: { level: 'silent', file: false },
});
