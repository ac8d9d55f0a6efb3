import type { z } from 'zod';

/** One problem found in a document, reported as data (as 3d-tiles-validator does) so UI, console and CLI can show it. */
export interface ValidationIssue {
  /** Stable machine-readable code, e.g. `invalid_type` or `invalid_url`. */
  code: string;
  /** The file (or URL) the document came from. */
  file: string;
  /** JSON path of the offending field, e.g. `$.baseLayers[0].url`. */
  path: string;
  message: string;
}

/** Result of parsing a document: the typed value when valid, and every issue found. */
export type ParseResult<T> = { value: T; issues: [] } | { value: undefined; issues: ValidationIssue[] };

/** Turns a path of keys and indices into a JSON path (`$.a[0].b`). */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${text}.${name}` : `${text}[${JSON.stringify(name)}]`;
  }, '$');
}

/** Translates zod's issues into ours, naming file and field. */
export function issuesFromZodError(error: z.ZodError, file: string): ValidationIssue[] {
  return error.issues.map((issue) => ({
    code: issue.code,
    file,
    path: formatJsonPath(issue.path),
    message: issue.message,
  }));
}

/** Parses JSON text; a syntax error becomes one issue naming the file. */
export function parseJsonText(text: string, file: string): { json: unknown; issues: ValidationIssue[] } {
  try {
    return { json: JSON.parse(text) as unknown, issues: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { json: undefined, issues: [{ code: 'invalid_json', file, path: '$', message }] };
  }
}

/** Validates `json` against a schema and reports the result as a {@link ParseResult}. */
export function parseWithSchema<T>(schema: z.ZodType<T>, json: unknown, file: string): ParseResult<T> {
  const result = schema.safeParse(json);
  if (result.success) return { value: result.data, issues: [] };
  return { value: undefined, issues: issuesFromZodError(result.error, file) };
}

/** One line per issue, e.g. `twin.config.json $.terrain.url: Invalid URL (invalid_format)`. */
export function formatIssue(issue: ValidationIssue): string {
  return `${issue.file} ${issue.path}: ${issue.message} (${issue.code})`;
}
