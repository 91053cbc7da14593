import { defineOnBothStorages } from '../test-support/define-on-both-storages.js';
import { defineIdempotencyKeySuite } from './idempotency-key.suite.js';

defineOnBothStorages('idempotency-key', defineIdempotencyKeySuite);
