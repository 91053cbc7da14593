/** Deterministic per-server id generator: `resp_fake0001…`, `msg_fake0002…`. Readable in snapshots. */
export function createFakeIds(): (prefix: string) => string {
  let counter = 0;
  return (prefix) => {
    counter += 1;
    return `${prefix}_fake${counter.toString(16).padStart(28, '0')}`;
  };
}
