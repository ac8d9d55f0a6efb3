/** The `source` a sensor of an adapter carries: the adapter type, plus its configured id when that differs. */
export function sourceLabel(type: string, id: string): string {
  return id === type ? type : `${type}:${id}`;
}

/**
 * A sensor id made from an upstream id (a SensorThings `@iot.id`, an openSenseMap box id): prefixed with the
 * source id so two sources never collide, and reduced to the characters sensor ids allow.
 */
export function upstreamSensorId(sourceId: string, upstreamId: string | number): string {
  const cleaned = String(upstreamId)
    .replace(/[^A-Za-z0-9_.:-]/g, '_')
    .slice(0, 120);
  return `${sourceId}:${cleaned}`;
}
