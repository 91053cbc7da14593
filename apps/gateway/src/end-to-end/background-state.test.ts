import { defineOnBothStorages } from '../test-support/define-on-both-storages.js';
import { defineBackgroundStateSuite } from './background-state.suite.js';

defineOnBothStorages('background-state', defineBackgroundStateSuite);
