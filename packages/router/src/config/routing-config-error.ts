/** A `routing:` configuration mistake, naming the offending path (`routing.deployments[1].weight`). */
export class RoutingConfigError extends Error {
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`${path} ${problem}`);
    this.name = 'RoutingConfigError';
    this.path = path;
  }
}
