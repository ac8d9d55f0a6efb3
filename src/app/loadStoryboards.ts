import { parseScene } from '../domain/scenes/sceneDocument';
import type { ValidationIssue } from '../domain/validation/issues';
import type { TwinStore } from '../store/createTwinStore';
import type { StoryboardEntry } from '../store/storyboardSlice';

/**
 * Loads every storyboard listed at /scenes/index.json (after the quarters, which steps refer to). A broken file is
 * reported (file, field, why) and left out; a step's missing quarter or layer is reported when the step is shown.
 */
export async function loadStoryboards(store: TwinStore): Promise<void> {
  const issues: ValidationIssue[] = [];
  try {
    const response = await fetch('/scenes/index.json', { cache: 'no-cache' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const index = (await response.json()) as { scenes?: { file: string; kind?: string }[] };
    const names = (index.scenes ?? [])
      .filter((entry) => entry.kind === 'storyboard')
      .map((entry) => entry.file);
    const entries = await Promise.all(
      names.map(async (name): Promise<StoryboardEntry | undefined> => {
        const file = `scenes/${name}`;
        try {
          const fileResponse = await fetch(`/${file}`, { cache: 'no-cache' });
          if (!fileResponse.ok) throw new Error(`HTTP ${fileResponse.status}`);
          const result = parseScene(await fileResponse.text(), file);
          issues.push(...result.issues);
          return result.value?.kind === 'storyboard' ? { file, storyboard: result.value } : undefined;
        } catch (error) {
          issues.push({ code: 'load_failed', file, path: '$', message: String(error) });
          return undefined;
        }
      }),
    );
    store
      .getState()
      .setStoryboards(
        entries
          .filter((entry): entry is StoryboardEntry => entry !== undefined)
          .sort((a, b) => a.storyboard.id.localeCompare(b.storyboard.id)),
      );
  } catch (error) {
    issues.push({ code: 'load_failed', file: 'scenes/index.json', path: '$', message: String(error) });
  }
  if (issues.length > 0) store.getState().addIssues(issues);
}
