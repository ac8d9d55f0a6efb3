// Types for the parts of the Khronos glTF-Validator (npm `gltf-validator`, which ships none) our tests use.
declare module 'gltf-validator' {
  /** One finding; severity 0 = error, 1 = warning, 2 = info, 3 = hint. */
  export interface ValidationMessage {
    code: string;
    message: string;
    severity: 0 | 1 | 2 | 3;
    pointer?: string;
  }

  /** The validator's report on one asset. */
  export interface ValidationReport {
    issues: {
      numErrors: number;
      numWarnings: number;
      numInfos: number;
      numHints: number;
      messages: ValidationMessage[];
      truncated: boolean;
    };
  }

  /** Validates a glTF or GLB given as bytes. */
  export function validateBytes(
    data: Uint8Array,
    options?: { maxIssues?: number },
  ): Promise<ValidationReport>;
}
