/**
 * A deterministic id generator for tests and snapshots: `msg_1`, `fc_2`, `rs_3`, … (one counter
 * shared by all prefixes, so ids also show the order in which they were made).
 */
export function createSequentialIdGenerator(): (prefix: string) => string {
  let counter = 0;
  return (prefix) => {
    counter += 1;
    return `${prefix}_${counter}`;
  };
}
