export function prepareForAjv(source: object): { document: Record<string, unknown>; kept: number; dropped: number };
