import type { TargetMeasurement } from '../measure-target.js';

export interface ScenarioComparison {
  /** gateway ÷ floor (> 1 means the gateway costs more / is slower / is faster for req/s). */
  cpuPerRequestRatio: number;
  latencyP50Ratio: number;
  latencyP99Ratio: number;
  requestsPerSecondRatio: number;
  firstByteP50Ratio: number | null;
  /** gateway − floor, in ms. */
  addedLatencyP50Ms: number;
  addedLatencyP99Ms: number;
  addedFirstByteP50Ms: number | null;
  addedFirstByteP99Ms: number | null;
}

const divide = (top: number, bottom: number): number => (bottom > 0 ? top / bottom : Number.NaN);

/** Compares one target (normally the gateway) with the pass-through floor for one scenario. */
export function compareWithFloor(target: TargetMeasurement, floor: TargetMeasurement): ScenarioComparison {
  const bothFirstBytes = target.firstByteP50Ms !== null && floor.firstByteP50Ms !== null;
  return {
    cpuPerRequestRatio: divide(target.cpuMsPerRequest, floor.cpuMsPerRequest),
    latencyP50Ratio: divide(target.latencyP50Ms, floor.latencyP50Ms),
    latencyP99Ratio: divide(target.latencyP99Ms, floor.latencyP99Ms),
    requestsPerSecondRatio: divide(target.requestsPerSecond, floor.requestsPerSecond),
    firstByteP50Ratio: bothFirstBytes ? divide(target.firstByteP50Ms as number, floor.firstByteP50Ms as number) : null,
    addedLatencyP50Ms: target.latencyP50Ms - floor.latencyP50Ms,
    addedLatencyP99Ms: target.latencyP99Ms - floor.latencyP99Ms,
    addedFirstByteP50Ms: bothFirstBytes ? (target.firstByteP50Ms as number) - (floor.firstByteP50Ms as number) : null,
    addedFirstByteP99Ms:
      target.firstByteP99Ms !== null && floor.firstByteP99Ms !== null ? target.firstByteP99Ms - floor.firstByteP99Ms : null,
  };
}
