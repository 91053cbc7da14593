export function renderOperationHandlers(document: object, generatedTypes: string): string;
export function generateOperationHandlers(bundledJsonPath: string, outputPath: string): void;
