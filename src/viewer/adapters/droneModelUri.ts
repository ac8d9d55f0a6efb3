/**
 * The drone model as a `data:` URI, built once per page from our own code (`domain/corridors/droneModel`, loaded
 * on demand so glTF-Transform stays out of the first bundle). A data URI, not a blob: URL: CesiumJS decodes data
 * URIs itself, while a blob: URL would be fetched and is not allowed by the page's `connect-src 'self'`.
 */
let droneModelUri: Promise<string> | undefined;

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
  }
  return btoa(binary);
}

/** The GLB of the quadcopter as `data:model/gltf-binary;base64,…` (the same promise for every caller). */
export function loadDroneModelUri(): Promise<string> {
  droneModelUri ??= import('../../domain/corridors/droneModel')
    .then(({ writeDroneModelGlb }) => writeDroneModelGlb())
    .then((bytes) => `data:model/gltf-binary;base64,${base64Of(bytes)}`);
  return droneModelUri;
}
