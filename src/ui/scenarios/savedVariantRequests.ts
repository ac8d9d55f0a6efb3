/** The app's side of the saved-variants API (see src/domain/scenarios/savedVariants.ts and docs/scenarios.md). */
import {
  savedVariantsPath,
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
  try {
    const body = (await response.json()) as Partial<SaveVariantRefusal> & { reason?: string };
    return { refusal: body.message ?? body.reason ?? `HTTP ${response.status}` };
  } catch {
    return { refusal: `HTTP ${response.status}` };
  }
}
