import { resolveTilesUrl } from '../domain/config/twinConfig';
import { parseSearchIndex, SEARCH_INDEX_FILE_NAME } from '../domain/buildings/searchIndex';
import { formatIssue } from '../domain/validation/issues';
import type { TwinStore } from '../store/createTwinStore';

/**
 * Loads the address index beside the buildings tileset into the store. A missing index (no tileset built yet)
 * leaves the search disabled; a broken one is reported like any broken document.
 */
export async function loadSearchIndex(store: TwinStore, tilesetName: string): Promise<void> {
  const url = resolveTilesUrl(store.getState().config, `${tilesetName}/${SEARCH_INDEX_FILE_NAME}`);
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    return;
  }
  if (!response.ok) return;
  const result = parseSearchIndex(await response.json().catch(() => undefined), url);
  if (result.value) {
    store.getState().setSearchEntries(result.value);
    return;
  }
  for (const issue of result.issues) console.error(formatIssue(issue));
  store.getState().addIssues(result.issues);
}
