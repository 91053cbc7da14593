/**
 * The SQL of an INSERT of items at positions 0..n-1 from one jsonb array parameter (`itemsParameter`,
 * e.g. `$12`), for use as a statement or as a data-modifying CTE; the expressions are SQL of the
 * caller's statement (a parameter, a literal, a sub-select), never values.
 */
export function insertItemsSql(responseIdExpression: string, kindExpression: string, itemsParameter: string): string {
  return `INSERT INTO response_items (response_id, kind, position, item_id, item)
       SELECT ${responseIdExpression}, ${kindExpression}, (entry.ordinality - 1)::integer, entry.value ->> 'id', entry.value
       FROM jsonb_array_elements(${itemsParameter}::jsonb) WITH ORDINALITY AS entry (value, ordinality)`;
}
