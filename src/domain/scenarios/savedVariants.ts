/**
 * The contract of the saved-variants API (`/api/scenarios/:scenarioId/variants`), shared by the server and the
 * app: a workshop saves an edited variant as a new one under a name; the server keeps it durably and lists it.
 * See docs/scenarios.md.
 */
import { z } from 'zod';
import { scenarioVariantSchema, type ScenarioVariant } from './scenarioSchema';

export const SCENARIO_API_PATH = '/api/scenarios';

/** The URL of a quarter's saved variants. */
export function savedVariantsPath(scenarioId: string): string {
  return `${SCENARIO_API_PATH}/${encodeURIComponent(scenarioId)}/variants`;
}

/** The URL of one saved variant (rename with `PATCH`, delete with `DELETE`). */
export function savedVariantPath(scenarioId: string, variantId: string): string {
  return `${savedVariantsPath(scenarioId)}/${encodeURIComponent(variantId)}`;
}

/** Largest accepted request body: a quarter of 500 detailed massings is well below this. */
export const MAX_SAVED_VARIANT_BYTES = 4 * 2 ** 20;

/** Longest accepted name of a saved variant. */
export const MAX_VARIANT_TITLE_LENGTH = 80;

/** The body of a save request: the name the workshop gives it and the edited variant (its id and title are replaced). */
const variantTitleSchema = z
  .string()
  .trim()
  .min(1, 'the new variant needs a name')
  .max(MAX_VARIANT_TITLE_LENGTH, `a name has at most ${MAX_VARIANT_TITLE_LENGTH} characters`);

export const saveVariantRequestSchema = z
  .object({
    title: variantTitleSchema,
    /** The variant the edits started from, for the record. */
    basedOnVariantId: z.string().max(200).optional(),
    variant: scenarioVariantSchema,
  })
  .strict();

export type SaveVariantRequest = z.input<typeof saveVariantRequestSchema>;

/** The body of a rename (`PATCH …/variants/:variantId`): the new name; the id, and so every link, stays. */
export const renameVariantRequestSchema = z.object({ title: variantTitleSchema }).strict();

export type RenameVariantRequest = z.input<typeof renameVariantRequestSchema>;

/** One saved variant as the server lists it. */
export interface SavedVariant {
  scenarioId: string;
  variant: ScenarioVariant;
  basedOnVariantId?: string;
  /** ISO 8601 time of saving. */
  savedAt: string;
}

/** The body of `GET /api/scenarios/:scenarioId/variants`, oldest first. */
export interface SavedVariantList {
  scenarioId: string;
  variants: SavedVariant[];
}

/** The body of a refused save: each issue names the JSON path in the request body. */
export interface SaveVariantRefusal {
  error: string;
  message: string;
  issues: { code: string; path: string; message: string }[];
}

/**
 * A variant id from its name, not among `takenIds`: `Workshop 1` → `workshop-1`, then `workshop-1-2`, …
 * Umlauts are written out (ä → ae) so ids stay readable in links.
 */
export function variantIdFromTitle(title: string, takenIds: ReadonlySet<string>): string {
  const base =
    title
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/g, '') || 'variante';
  if (!takenIds.has(base)) return base;
  let number = 2;
  while (takenIds.has(`${base}-${number}`)) number++;
  return `${base}-${number}`;
}
