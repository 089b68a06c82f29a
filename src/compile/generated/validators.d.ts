// Types of validators.js, which scripts/generate-validators.mjs generates from schemas/ (ajv
// standalone code; not committed). Each function is an ajv ValidateFunction.
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params: Record<string, unknown>;
}

export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export declare const validateOffice: StandaloneValidator;
export declare const validateServer: StandaloneValidator;
export declare const validateManifest: StandaloneValidator;
export declare const validateConfig: StandaloneValidator;
