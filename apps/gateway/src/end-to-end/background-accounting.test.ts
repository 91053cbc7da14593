import { defineOnBothStorages } from '../test-support/define-on-both-storages.js';
import { defineBackgroundAccountingSuite } from './background-accounting.suite.js';

defineOnBothStorages('background-accounting', defineBackgroundAccountingSuite);
