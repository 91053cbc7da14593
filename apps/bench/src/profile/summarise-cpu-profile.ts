/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that the summary reads. */
export interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }>;
  readonly samples: readonly number[];
  /** Microseconds since the previous sample, one per sample. */
  readonly timeDeltas: readonly number[];
}

export interface ProfileShare {
  readonly name: string;
  readonly ms: number;
  /** Share of the busy (non-idle) time, 0..1. */
  readonly share: number;
}

export interface ProfileSummary {
  /** Sampled time that was not `(idle)`, in ms. */
  readonly busyMs: number;
  /** Self time per area (where the CPU actually was), largest first. */
  readonly selfByArea: readonly ProfileShare[];
  /** Self time per function (`name file:line`), largest first. */
  readonly selfByFunction: readonly ProfileShare[];
  /** Inclusive time per area: a sample counts for every area on its stack, once. */
  readonly inclusiveByArea: readonly ProfileShare[];
}

/** One rule of `areaOf`: the first rule whose test matches a frame names its area. */
export interface AreaRule {
  readonly area: string;
  readonly test: (frame: { readonly functionName: string; readonly url: string }) => boolean;
}

const urlHas =
  (...parts: string[]) =>
  (frame: { readonly url: string }): boolean =>
    parts.some((part) => frame.url.includes(part));

/** Areas of the gateway worth telling apart, most specific first. */
export const gatewayAreaRules: readonly AreaRule[] = [
  { area: '(root)', test: (frame) => frame.functionName === '(root)' },
  { area: 'garbage collector', test: (frame) => frame.functionName === '(garbage collector)' },
  { area: 'idle', test: (frame) => frame.functionName === '(idle)' },
  { area: 'program (V8/native, unattributed)', test: (frame) => frame.functionName === '(program)' },
  { area: 'PGlite (WASM PostgreSQL)', test: (frame) => frame.url.startsWith('wasm://') || frame.url.includes('@electric-sql/pglite') },
  { area: 'pg driver', test: urlHas('/node_modules/pg/', '/node_modules/pg-protocol/', '/node_modules/pg-pool/', '/pg@', '/pg-protocol@') },
  { area: 'Ajv / openapi-backend (validation, routing)', test: urlHas('/ajv', 'openapi-backend', 'json-schema') },
  { area: 'pino (logging)', test: urlHas('/pino', 'sonic-boom', 'thread-stream') },
  { area: 'koa (HTTP framework)', test: urlHas('/koa', '@koa/', 'raw-body') },
  { area: 'undici (upstream HTTP)', test: urlHas('/undici/') },
  { area: '@switchyard/store', test: urlHas('/packages/store/') },
  { area: '@switchyard/accounting', test: urlHas('/packages/accounting/') },
  { area: '@switchyard/router', test: urlHas('/packages/router/') },
  { area: '@switchyard/core', test: urlHas('/packages/core/') },
  { area: '@switchyard/providers', test: urlHas('/packages/providers/', '/packages/provider-utils/') },
  { area: '@switchyard/contract', test: urlHas('/packages/contract/') },
  { area: 'gateway', test: urlHas('/apps/gateway/') },
  { area: 'other dependencies', test: urlHas('/node_modules/') },
  { area: 'Node.js internals and V8 builtins', test: (frame) => frame.url.startsWith('node:') || frame.url === '' },
];

function areaOf(frame: { readonly functionName: string; readonly url: string }, rules: readonly AreaRule[]): string {
  return rules.find((rule) => rule.test(frame))?.area ?? 'other';
}

function shares(totals: Map<string, number>, busyMicroseconds: number, skip: ReadonlySet<string>): ProfileShare[] {
  return [...totals.entries()]
    .filter(([name]) => !skip.has(name))
    .map(([name, microseconds]) => ({ name, ms: microseconds / 1000, share: busyMicroseconds > 0 ? microseconds / busyMicroseconds : 0 }))
    .sort((left, right) => right.ms - left.ms);
}

/**
 * Sums a CPU profile's samples by area (self and inclusive) and by function (self), leaving
 * `(idle)` out of the busy time so the shares are shares of the work actually done.
 */
export function summariseCpuProfile(profile: CpuProfile, rules: readonly AreaRule[] = gatewayAreaRules): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const selfArea = new Map<string, number>();
  const selfFunction = new Map<string, number>();
  const inclusiveArea = new Map<string, number>();
  const add = (totals: Map<string, number>, key: string, microseconds: number): void => {
    totals.set(key, (totals.get(key) ?? 0) + microseconds);
  };
  let busyMicroseconds = 0;
  profile.samples.forEach((nodeId, index) => {
    const microseconds = profile.timeDeltas[index] ?? 0;
    const node = byId.get(nodeId);
    if (node === undefined) return;
    const area = areaOf(node.callFrame, rules);
    if (area === 'idle') return;
    busyMicroseconds += microseconds;
    add(selfArea, area, microseconds);
    const frame = node.callFrame;
    const file = frame.url.slice(frame.url.lastIndexOf('/') + 1) || '(native)';
    add(selfFunction, `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`, microseconds);
    const onStack = new Set<string>();
    for (let current: number | undefined = nodeId; current !== undefined; current = parentOf.get(current)) {
      const ancestor = byId.get(current);
      if (ancestor !== undefined) onStack.add(areaOf(ancestor.callFrame, rules));
    }
    for (const stackArea of onStack) add(inclusiveArea, stackArea, microseconds);
  });
  const skip = new Set(['idle', '(root)']);
  return {
    busyMs: busyMicroseconds / 1000,
    selfByArea: shares(selfArea, busyMicroseconds, skip),
    selfByFunction: shares(selfFunction, busyMicroseconds, skip),
    inclusiveByArea: shares(inclusiveArea, busyMicroseconds, new Set([...skip, 'Node.js internals and V8 builtins', 'other', 'program (V8/native, unattributed)'])),
  };
}
