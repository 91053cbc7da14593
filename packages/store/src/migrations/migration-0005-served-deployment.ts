import type { Migration } from './migration.js';

/**
 * The routing deployment that actually served a response (`deployment text`, NULL when unknown:
 * rows written before, or a response not served through the router). With `provider` (rewritten
 * to the serving provider when the response completes) it tells a follow-up which deployment can
 * read the response's opaque reasoning state.
 */
export const migration0005ServedDeployment: Migration = {
  id: 5,
  name: 'served_deployment',
  sql: `
ALTER TABLE responses ADD COLUMN deployment text;
`,
};
