import { defineOnBothStorages } from '../test-support/define-on-both-storages.js';
import { defineForegroundStateSuite } from './foreground-state.suite.js';

defineOnBothStorages('foreground-state', defineForegroundStateSuite);
