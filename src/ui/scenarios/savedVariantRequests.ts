/** The app's side of the saved-variants API (see src/domain/scenarios/savedVariants.ts and docs/scenarios.md). */
import {
  savedVariantPath,
  savedVariantsPath,
  type RenameVariantRequest,
  type SavedVariant,
  type SavedVariantList,
  type SaveVariantRefusal,
  type SaveVariantRequest,
} from '../../domain/scenarios/savedVariants';
import { scenarioVariantSchema, type ScenarioVariant } from '../../domain/scenarios/scenarioSchema';

/** The quarter's saved variants (checked against the schema; an invalid one is left out and named). */
export async function fetchSavedVariants(
  scenarioId: string,
): Promise<{ variants: ScenarioVariant[]; problems: string[] }> {
  const response = await fetch(savedVariantsPath(scenarioId), { cache: 'no-store' });
  if (!response.ok) throw new Error(`${savedVariantsPath(scenarioId)}: HTTP ${response.status}`);
  const list = (await response.json()) as SavedVariantList;
  const variants: ScenarioVariant[] = [];
  const problems: string[] = [];
  for (const entry of list.variants) {
    const parsed = scenarioVariantSchema.safeParse(entry.variant);
    if (parsed.success) variants.push(parsed.data);
    else problems.push(`${scenarioId}/${String(entry.variant?.id)}: ${parsed.error.issues[0]?.message}`);
  }
  return { variants, problems };
}

export type SaveVariantOutcome = { saved: SavedVariant } | { refusal: string };

/** Saves a variant as a new one; a refusal carries the server's explanation (field and JSON path). */
export async function saveVariantOnServer(
  scenarioId: string,
  request: SaveVariantRequest,
): Promise<SaveVariantOutcome> {
  let response: Response;
  try {
    response = await fetch(savedVariantsPath(scenarioId), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch (error) {
    return { refusal: String(error) };
  }
  if (response.ok) return { saved: (await response.json()) as SavedVariant };
  return { refusal: await refusalOf(response) };
}

/** The server's explanation of a refused request (field and JSON path), or its status. */
async function refusalOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as Partial<SaveVariantRefusal> & { reason?: string };
    return body.message ?? body.reason ?? `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

/** Renames a saved variant (its id stays); the outcome carries it renamed or the server's explanation. */
export async function renameSavedVariantOnServer(
  scenarioId: string,
  variantId: string,
  request: RenameVariantRequest,
): Promise<SaveVariantOutcome> {
  try {
    const response = await fetch(savedVariantPath(scenarioId, variantId), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (response.ok) return { saved: (await response.json()) as SavedVariant };
    return { refusal: await refusalOf(response) };
  } catch (error) {
    return { refusal: String(error) };
  }
}

/** Deletes a saved variant; undefined when done, else the server's explanation. */
export async function deleteSavedVariantOnServer(
  scenarioId: string,
  variantId: string,
): Promise<string | undefined> {
  try {
    const response = await fetch(savedVariantPath(scenarioId, variantId), { method: 'DELETE' });
    return response.ok ? undefined : await refusalOf(response);
  } catch (error) {
    return String(error);
  }
}
