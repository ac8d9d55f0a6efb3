import type { PhenomenonId } from '../../../src/domain/sensors/phenomena';
import type { RawObservation, SensorDescription } from '../../../src/domain/sensors/sensorModel';
import type { SensorSource, SourceContext } from '../../../src/domain/sensors/sensorSource';

/** The phenomena a bench sensor reports: a senseBox's usual three. */
const BENCH_PHENOMENA: readonly PhenomenonId[] = ['air_temperature', 'relative_humidity', 'pm10'];

/** `count` senseBoxes spread over Münster, each reporting three phenomena every second. */
export function benchSensors(count: number): SensorDescription[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `bench-${index}`,
    name: `Bench ${index}`,
    kind: 'sensebox',
    position: {
      longitudeDegrees: 7.55 + (index % 100) * 0.0015,
      latitudeDegrees: 51.91 + Math.floor(index / 100) * 0.0009,
      heightAboveGroundMeters: 3,
    },
    phenomena: BENCH_PHENOMENA.map((phenomenon) => ({ phenomenon, intervalSeconds: 1 })),
    source: 'bench',
    licence: 'CC0-1.0',
    attribution: 'Benchmark',
  }));
}

/**
 * The `index`-th raw observation of a bench run: sensors and phenomena in turn, each series one second later than
 * its last, times in the recent past, values as adapters hand them over (numbers, one unit in K).
 */
export function benchObservation(index: number, sensorCount: number, startTime: number): RawObservation {
  const series = index % (sensorCount * BENCH_PHENOMENA.length);
  const round = Math.floor(index / (sensorCount * BENCH_PHENOMENA.length));
  const phenomenon = BENCH_PHENOMENA[series % BENCH_PHENOMENA.length]!;
  const sensorId = `bench-${Math.floor(series / BENCH_PHENOMENA.length)}`;
  const time = startTime + round * 1_000;
  if (phenomenon === 'air_temperature')
    return { sensorId, phenomenon, unit: 'K', value: 291.15 + (index % 50) / 10, time };
  if (phenomenon === 'relative_humidity') return { sensorId, phenomenon, value: 40 + (index % 40), time };
  return { sensorId, phenomenon, value: String(5 + (index % 30)), time };
}

/** A source that hands the hub whatever the bench tells it to, as fast as the hub takes it. */
export class BenchSource implements SensorSource {
  readonly id = 'bench';
  readonly type = 'bench';
  private context: SourceContext | undefined;

  constructor(private readonly catalogue: SensorDescription[]) {}

  sensors(): readonly SensorDescription[] {
    return this.catalogue;
  }

  now(): number {
    return Date.now();
  }

  async start(context: SourceContext): Promise<void> {
    this.context = context;
    context.setStatus('connected');
  }

  async stop(): Promise<void> {
    this.context?.setStatus('stopped');
  }

  emit(raw: RawObservation): void {
    this.context!.emit(raw);
  }
}
