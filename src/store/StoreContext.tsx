import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { TwinActions, TwinState, TwinStore } from './createTwinStore';

const StoreContext = createContext<TwinStore | undefined>(undefined);

/** Hands one store to the React tree; tests and the app each pass their own. */
export function StoreProvider({ store, children }: { store: TwinStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for code that subscribes outside React's render cycle (Cesium sync hooks). */
export function useTwinStoreApi(): TwinStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useTwinStoreApi must be used inside <StoreProvider>');
  return store;
}

/** Selects a slice of state; the component re-renders only when that slice changes. */
export function useTwinStore<T>(selector: (state: TwinState & TwinActions) => T): T {
  return useStore(useTwinStoreApi(), selector);
}
