import { z } from 'zod';
import {
  formatJsonPath,
  issuesFromZodError,
  parseJsonText,
  type ValidationIssue,
} from '../validation/issues';
import {
  airspaceFileSchema,
  corridorSceneFields,
  corridorSchema,
  restrictionZoneSchema,
  type CorridorScene,
} from './corridorScene';

/**
 * The result of reading a corridor document leniently: every valid corridor, zone and airspace file, and an issue
 * for each one left out. `scene` is undefined only when the document itself is unusable (not JSON, wrong kind,
 * missing title …).
 */
export interface CorridorSceneParseResult {
  scene: CorridorScene | undefined;
  issues: ValidationIssue[];
}

const envelopeSchema = z
  .object({
    ...corridorSceneFields,
    corridors: z.array(z.unknown()),
    restrictionZones: z.array(z.unknown()),
    airspaceFiles: z.array(z.unknown()).optional(),
  })
  .strict();

/**
 * Reads a corridor document so that one broken corridor or zone does not hide the rest (the issue's "bad input"
 * rule): each item is validated on its own, a broken or duplicate one is left out and reported with the file and
 * its JSON path (`$.corridors[2].ceiling.heightMeters`). For CI, `parseScene` validates the whole file strictly.
 */
export function parseCorridorScene(text: string, file: string): CorridorSceneParseResult {
  const { json, issues } = parseJsonText(text, file);
  if (issues.length > 0) return { scene: undefined, issues };
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { scene: undefined, issues: issuesFromZodError(envelope.error, file) };
  const collected: ValidationIssue[] = [];
  const {
    corridors: rawCorridors,
    restrictionZones: rawZones,
    airspaceFiles: rawFiles,
    ...fields
  } = envelope.data;
  const corridors = validItems(rawCorridors, corridorSchema, 'corridors', file, collected);
  const restrictionZones = validItems(rawZones, restrictionZoneSchema, 'restrictionZones', file, collected);
  const airspaceFiles =
    rawFiles && validItems(rawFiles, airspaceFileSchema, 'airspaceFiles', file, collected);
  const scene: CorridorScene = {
    ...fields,
    corridors,
    restrictionZones,
    ...(airspaceFiles ? { airspaceFiles } : {}),
  };
  return { scene, issues: collected };
}

/** The items that pass `schema` and whose id is not taken by an earlier valid item; issues for the others. */
function validItems<T extends { id: string }>(
  items: readonly unknown[],
  schema: z.ZodType<T>,
  field: string,
  file: string,
  issues: ValidationIssue[],
): T[] {
  const valid: T[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        issues.push({
          code: issue.code,
          file,
          path: formatJsonPath([field, index, ...issue.path]),
          message: issue.message,
        });
      }
      return;
    }
    if (seen.has(result.data.id)) {
      issues.push({
        code: 'custom',
        file,
        path: formatJsonPath([field, index, 'id']),
        message: `id "${result.data.id}" is used twice; this one is left out`,
      });
      return;
    }
    seen.add(result.data.id);
    valid.push(result.data);
  });
  return valid;
}
