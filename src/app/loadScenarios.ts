import { parseScene } from '../domain/scenes/sceneDocument';
import type { ScenarioDocument } from '../domain/scenarios/scenarioSchema';
import type { ValidationIssue } from '../domain/validation/issues';
import type { TwinStore } from '../store/createTwinStore';
import { fetchSavedVariants } from '../ui/scenarios/savedVariantRequests';

interface SceneIndexEntry {
  file: string;
  kind?: string;
}

/**
 * Loads every planning quarter listed at /scenes/index.json. A broken file is reported (file, field, why) and
 * left out; the others and the rest of the app go on.
 */
export async function loadScenarios(store: TwinStore): Promise<void> {
  const issues: ValidationIssue[] = [];
  try {
    const response = await fetch('/scenes/index.json', { cache: 'no-cache' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const index = (await response.json()) as { scenes?: SceneIndexEntry[] };
    const files = (index.scenes ?? [])
      .filter((entry) => entry.kind === 'scenario')
      .map((entry) => entry.file);
    const scenarios: ScenarioDocument[] = [];
    await Promise.all(
      files.map(async (name) => {
        const file = `scenes/${name}`;
        try {
          const fileResponse = await fetch(`/${file}`, { cache: 'no-cache' });
          if (!fileResponse.ok) throw new Error(`HTTP ${fileResponse.status}`);
          const result = parseScene(await fileResponse.text(), file);
          issues.push(...result.issues);
          if (result.value?.kind === 'scenario') scenarios.push(result.value);
        } catch (error) {
          issues.push({ code: 'load_failed', file, path: '$', message: String(error) });
        }
      }),
    );
    scenarios.sort((a, b) => a.id.localeCompare(b.id));
    store.getState().setScenarios(scenarios);
    await addSavedVariants(store, scenarios, issues);
    // A link may name a quarter: now that it is known, settle its variant.
    const { scenarioId, variantId } = store.getState().view;
    if (scenarioId !== undefined) store.getState().openScenario(scenarioId, variantId);
  } catch (error) {
    issues.push({ code: 'load_failed', file: 'scenes/index.json', path: '$', message: String(error) });
  }
  if (issues.length > 0) store.getState().addIssues(issues);
}

/** Merges each quarter's variants saved in workshops; without them (server unreachable) the documents still show. */
async function addSavedVariants(
  store: TwinStore,
  scenarios: readonly ScenarioDocument[],
  issues: ValidationIssue[],
): Promise<void> {
  await Promise.all(
    scenarios.map(async (scenario) => {
      const file = `api/scenarios/${scenario.id}/variants`;
      try {
        const { variants, problems } = await fetchSavedVariants(scenario.id);
        store.getState().addSavedVariants(scenario.id, variants);
        problems.forEach((message) =>
          issues.push({ code: 'invalid_saved_variant', file, path: '$', message }),
        );
      } catch (error) {
        issues.push({ code: 'load_failed', file, path: '$', message: String(error) });
      }
    }),
  );
}
