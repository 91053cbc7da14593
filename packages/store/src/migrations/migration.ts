/** One schema step. Ids are applied in ascending order, each exactly once per schema. */
export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}
