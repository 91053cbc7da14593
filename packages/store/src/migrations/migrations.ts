import type { Migration } from './migration.js';
import { migration0001InitialSchema } from './migration-0001-initial-schema.js';
import { migration0002Accounting } from './migration-0002-accounting.js';
import { migration0003ItemReferencesAndIdempotency } from './migration-0003-item-references-and-idempotency.js';
import { migration0004RunAccounting } from './migration-0004-run-accounting.js';
import { migration0005ServedDeployment } from './migration-0005-served-deployment.js';

/** Every migration, in the order they apply. Append new ones; never edit an applied one. */
export const migrations: readonly Migration[] = [
  migration0001InitialSchema,
  migration0002Accounting,
  migration0003ItemReferencesAndIdempotency,
  migration0004RunAccounting,
  migration0005ServedDeployment,
];
