/**
 * Variants within a scenario document: find one, put an edited one back, save an edited one as a new variant.
 * Each returns a new document (or the same one and the issues that refused the change).
 */
import { formatJsonPath, type ValidationIssue } from '../validation/issues';
import {
  scenarioIdSchema,
  scenarioVariantSchema,
  type ScenarioDocument,
  type ScenarioText,
  type ScenarioVariant,
} from './scenarioSchema';

/** A variant by id; undefined when the scenario has none of that id. */
export function findVariant(scenario: ScenarioDocument, variantId: string): ScenarioVariant | undefined {
  return scenario.variants.find((variant) => variant.id === variantId);
}

/** The scenario with the variant of the same id replaced (e.g. after edits); unchanged when there is none. */
export function replaceVariant(scenario: ScenarioDocument, variant: ScenarioVariant): ScenarioDocument {
  const index = scenario.variants.findIndex((candidate) => candidate.id === variant.id);
  if (index < 0) return scenario;
  const variants = scenario.variants.slice();
  variants[index] = variant;
  return { ...scenario, variants };
}

/** A variant id not yet used in the scenario, from a base such as `workshop`: `workshop-1`, `workshop-2`, … */
export function nextFreeVariantId(scenario: ScenarioDocument, base = 'workshop'): string {
  const taken = new Set(scenario.variants.map((variant) => variant.id));
  let number = 1;
  while (taken.has(`${base}-${number}`)) number++;
  return `${base}-${number}`;
}

/**
 * Saves a variant (typically an edited copy of another) under a new id and title, validated as a whole; the
 * same scenario and the issues when the id is taken or the variant is invalid.
 */
export function addVariantAs(
  scenario: ScenarioDocument,
  variant: ScenarioVariant,
  naming: { id: string; title: ScenarioText; description?: ScenarioText },
  file = 'scenario',
): { scenario: ScenarioDocument; issues: ValidationIssue[] } {
  const issue = (code: string, path: string, message: string) => ({
    scenario,
    issues: [{ code, file, path, message }],
  });
  const idCheck = scenarioIdSchema.safeParse(naming.id);
  if (!idCheck.success) return issue('invalid_id', '$.id', idCheck.error.issues[0]?.message ?? 'invalid id');
  if (findVariant(scenario, naming.id)) {
    return issue('duplicate_variant_id', '$.id', `the scenario already has a variant "${naming.id}"`);
  }
  const candidate: ScenarioVariant = { ...variant, id: naming.id, title: naming.title };
  if (naming.description) candidate.description = naming.description;
  else delete candidate.description;
  const result = scenarioVariantSchema.safeParse(candidate);
  if (!result.success) {
    const first = result.error.issues[0]!;
    return issue(first.code, formatJsonPath(first.path), first.message);
  }
  return { scenario: { ...scenario, variants: [...scenario.variants, result.data] }, issues: [] };
}
