export { compareWithFloor, type ScenarioComparison } from './report/compute-ratios.js';
export { formatTable } from './report/format-table.js';
export { percentile } from './load/measure-first-byte.js';
export { readProcessCpuMs, readProcessRssMiB } from './process/read-process-cpu-ms.js';
export { scenarios, type Scenario } from './scenarios.js';
