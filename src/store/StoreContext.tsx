import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { TwinActions, TwinState, TwinStore } from './createTwinStore';
import { createSensorLive, type SensorLive } from './sensorLive';

const StoreContext = createContext<TwinStore | undefined>(undefined);
const SensorLiveContext = createContext<SensorLive | undefined>(undefined);

/** Hands one store (and the live sensor values) to the React tree; tests and the app each pass their own. */
export function StoreProvider({
  store,
  sensorLive,
  children,
}: {
  store: TwinStore;
  sensorLive?: SensorLive;
  children: ReactNode;
}) {
  const [ownSensorLive] = useState(() => sensorLive ?? createSensorLive());
  return (
    <StoreContext.Provider value={store}>
      <SensorLiveContext.Provider value={sensorLive ?? ownSensorLive}>{children}</SensorLiveContext.Provider>
    </StoreContext.Provider>
  );
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

/** The live sensor values (outside React state: subscribe to redraw only what changed). */
export function useSensorLive(): SensorLive {
  const live = useContext(SensorLiveContext);
  if (!live) throw new Error('useSensorLive must be used inside <StoreProvider>');
  return live;
}
