import { useMemo } from 'react';
import { ImageryLayer } from 'resium';
import { useTwinStore } from '../../store/StoreContext';
import { createBaseImageryProvider } from '../adapters/baseLayerProviders';

/** The base map chosen in the view; keyed by id so switching replaces exactly one imagery layer. */
export function BaseImageryLayer() {
  const baseLayerId = useTwinStore((state) => state.view.baseLayerId);
  const configuredLayers = useTwinStore((state) => state.config.baseLayers);
  // Resium recreates the layer when this read-only prop changes identity: memoise it.
  const provider = useMemo(
    () => createBaseImageryProvider(baseLayerId, configuredLayers),
    [baseLayerId, configuredLayers],
  );
  return <ImageryLayer key={baseLayerId} imageryProvider={provider} index={0} />;
}
