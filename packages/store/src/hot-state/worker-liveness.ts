/** Heartbeats of background workers; a worker is alive until its last heartbeat's TTL runs out. */
export interface WorkerLiveness {
  heartbeat(workerId: string, ttlMs: number): Promise<void>;
  isAlive(workerId: string): Promise<boolean>;
  /** Ids of the workers alive now, sorted. */
  listAlive(): Promise<string[]>;
  /** Forgets a worker at once (graceful shutdown). */
  remove(workerId: string): Promise<void>;
  close(): Promise<void>;
}
