import type { SensorDescription } from '../../domain/sensors/sensorModel';
import type { SensorSource } from '../../domain/sensors/sensorSource';

/** A sensor and the source that brings it. */
export interface CatalogueEntry {
  sensor: SensorDescription;
  sourceId: string;
}

/**
 * The hub's sensors: each source's, or the ones stored from its last run while it has not found any yet (its
 * upstream may still be down after a restart). A sensor id belongs to the first source that brings it.
 */
export class HubCatalogue {
  private readonly entries = new Map<string, CatalogueEntry>();
  private stored = new Map<string, SensorDescription[]>();

  constructor(
    private readonly sources: readonly SensorSource[],
    private readonly warn: (key: string, line: string) => void,
  ) {}

  /** The catalogue of each source as the database kept it. */
  restore(stored: Map<string, SensorDescription[]>): void {
    this.stored = stored;
    this.rebuild();
  }

  rebuild(): void {
    this.entries.clear();
    for (const source of this.sources) {
      let sensors = this.sensorsOf(source);
      if (sensors.length === 0) sensors = this.stored.get(source.id) ?? [];
      for (const sensor of sensors) {
        const owner = this.entries.get(sensor.id);
        if (owner) {
          this.warn(
            `owner:${sensor.id}:${source.id}`,
            `sensor ${sensor.id} of ${source.id} is ignored: ${owner.sourceId} already brings a sensor of that id`,
          );
          continue;
        }
        this.entries.set(sensor.id, { sensor, sourceId: source.id });
      }
    }
  }

  /** What a source reports now; a source that throws counts as reporting none. */
  sensorsOf(source: SensorSource): readonly SensorDescription[] {
    try {
      return source.sensors();
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.warn(`sensors:${source.id}`, `sensor source ${source.id} cannot list sensors: ${text}`);
      return [];
    }
  }

  get(id: string): CatalogueEntry | undefined {
    return this.entries.get(id);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  sensors(): SensorDescription[] {
    return [...this.entries.values()].map((entry) => entry.sensor);
  }
}
