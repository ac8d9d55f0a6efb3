import {
  DEFAULT_TWIN_CONFIG,
  parseTwinConfig,
  TWIN_CONFIG_FILE_NAME,
  type TwinConfig,
} from '../domain/config/twinConfig';
import { parseScene, type OverviewScene } from '../domain/scenes/sceneDocument';
import type { ValidationIssue } from '../domain/validation/issues';

/** The scene the app opens with. */
export const OVERVIEW_SCENE_FILE = 'scenes/muenster.json';

export interface StartupDocuments {
  config: TwinConfig;
  overviewScene: OverviewScene | undefined;
  issues: ValidationIssue[];
}

async function fetchText(url: string, file: string): Promise<{ text?: string; issue?: ValidationIssue }> {
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return { text: await response.text() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { issue: { code: 'load_failed', file, path: '$', message } };
  }
}

/**
 * Loads and validates the config file and the overview scene. A broken document never stops the app:
 * it falls back to the offline defaults and reports every issue, naming file and field.
 */
export async function loadStartupDocuments(): Promise<StartupDocuments> {
  const [configText, sceneText] = await Promise.all([
    fetchText('/config.json', TWIN_CONFIG_FILE_NAME),
    fetchText(`/${OVERVIEW_SCENE_FILE}`, OVERVIEW_SCENE_FILE),
  ]);
  const issues: ValidationIssue[] = [];
  let config = DEFAULT_TWIN_CONFIG;
  if (configText.issue) issues.push(configText.issue);
  if (configText.text !== undefined) {
    const result = parseTwinConfig(configText.text, TWIN_CONFIG_FILE_NAME);
    issues.push(...result.issues);
    config = result.value ?? DEFAULT_TWIN_CONFIG;
  }
  let overviewScene: OverviewScene | undefined;
  if (sceneText.issue) issues.push(sceneText.issue);
  if (sceneText.text !== undefined) {
    const result = parseScene(sceneText.text, OVERVIEW_SCENE_FILE);
    issues.push(...result.issues);
    if (result.value?.kind === 'overview') overviewScene = result.value;
  }
  return { config, overviewScene, issues };
}
