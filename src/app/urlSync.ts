import { readViewFromSearch, writeViewToSearch } from '../domain/view/urlState';
import type { TwinStore } from '../store/createTwinStore';

/**
 * Mirrors the view in the address bar: every settled change is a history entry, so a copied link restores the
 * view and the back button steps back through it. Returns the disposer.
 */
export function startUrlSync(store: TwinStore, window: Window): () => void {
  const { history, location } = window;
  history.replaceState(null, '', writeViewToSearch(store.getState().view, location.search));
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.view === previous.view) return;
    const search = writeViewToSearch(state.view, location.search);
    // After the back button the view already matches the address: write nothing.
    if (search !== location.search) history.pushState(null, '', search);
  });
  const onPopState = () => {
    store.getState().restoreView(readViewFromSearch(location.search, store.getState().view));
  };
  window.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
  };
}
