/** A JSON Schema (2020-12, as used by OpenAPI 3.1) as it appears in the bundled document. */
export type JsonSchema = boolean | JsonSchemaObject;

export interface JsonSchemaObject {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: JsonSchema;
  readonly unevaluatedProperties?: JsonSchema;
  readonly items?: JsonSchema;
  readonly prefixItems?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly discriminator?: { readonly propertyName: string; readonly mapping?: Readonly<Record<string, string>> };
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly [keyword: string]: unknown;
}

/** The subset of an Ajv error the runtime reads (for the rare failure the explainer cannot name). */
export interface CompiledValidatorError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A standalone Ajv validator: returns whether `data` is valid and leaves the first error in `errors`. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: readonly CompiledValidatorError[] | null;
}

export interface ValidatorCatalogEntry {
  readonly validate: CompiledValidator;
  /** The checked schema: a `$ref` into the bundled document, or the object schema built from parameters. */
  readonly schema: JsonSchemaObject;
  /** Request bodies only: whether the body is required. */
  readonly required?: boolean;
}

/** Keys: `<operationId> body|query|path|headers|event` and `<operationId> response <status> <media type>`. */
export type ValidatorCatalog = Readonly<Record<string, ValidatorCatalogEntry>>;
