/**
 * Drawing helpers for the planning variants of scenes/york.json and scenes/oxford.json: shapes are laid out in
 * metres in a local frame (origin at the site's centre, x along the site's long side) and stored in WGS84 with
 * 7 decimals (about 1 cm), as the documents people edit.
 */
import type { PolygonCoordinates, Position } from '../../src/domain/scenarios/scenarioGeometry';
import { projectPosition } from '../../src/domain/scenarios/scenarioPlanarGeometry';
import type {
  Massing,
  MassingUses,
  MobilityHub,
  OpenSpace,
  RoofType,
  SealedArea,
  Street,
} from '../../src/domain/scenarios/scenarioSchema';
import { utm32ToGeographic } from '../../src/domain/geo/projection';

export type LocalPoint = readonly [x: number, y: number];

/** A local metric frame: origin at a WGS84 point, x axis `xBearingDegrees` clockwise from north. */
export class LocalFrame {
  private readonly originX: number;
  private readonly originY: number;
  private readonly cos: number;
  private readonly sin: number;

  constructor(origin: Position, xBearingDegrees: number) {
    [this.originX, this.originY] = projectPosition(origin);
    // Bearing (clockwise from north) → mathematical angle (counter-clockwise from east).
    const angle = ((90 - xBearingDegrees) * Math.PI) / 180;
    this.cos = Math.cos(angle);
    this.sin = Math.sin(angle);
  }

  position([x, y]: LocalPoint): Position {
    const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({
      eastingMeters: this.originX + x * this.cos - y * this.sin,
      northingMeters: this.originY + x * this.sin + y * this.cos,
    });
    return [round7(longitudeDegrees), round7(latitudeDegrees)];
  }

  /** A polygon from local rings (outer first, then holes), closed; outer counter-clockwise, holes clockwise (RFC 7946). */
  polygon(...rings: readonly (readonly LocalPoint[])[]): PolygonCoordinates {
    return rings.map((ring, index) => {
      const counterClockwise = signedArea(ring) > 0;
      const oriented = counterClockwise === (index === 0) ? ring : [...ring].reverse();
      const positions = oriented.map((point) => this.position(point));
      return [...positions, positions[0]!];
    });
  }
}

function signedArea(ring: readonly LocalPoint[]): number {
  let twice = 0;
  ring.forEach(([x0, y0], index) => {
    const [x1, y1] = ring[(index + 1) % ring.length]!;
    twice += x0 * y1 - x1 * y0;
  });
  return twice / 2;
}

function round7(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

/** Corners of an axis-aligned rectangle in the local frame, counter-clockwise. */
export function box(x0: number, y0: number, x1: number, y1: number): LocalPoint[] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
}

/** Outer and courtyard rings of a perimeter block with wings `depth` metres deep. */
export function perimeterBlock(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  depth: number,
): LocalPoint[][] {
  return [box(x0, y0, x1, y1), box(x0 + depth, y0 + depth, x1 - depth, y1 - depth)];
}

/** An L-shaped footprint: a wing along x from (x0, y0) and one along y, both `depth` deep. */
export function lShape(x0: number, y0: number, x1: number, y1: number, depth: number): LocalPoint[] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y0 + depth],
    [x0 + depth, y0 + depth],
    [x0 + depth, y1],
    [x0, y1],
  ];
}

/** A small seeded generator (mulberry32), so the documents come out the same on every run. */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Collects the elements of one variant in the order they are added; ids are numbered per prefix. */
export class VariantBuilder {
  readonly massings: Massing[] = [];
  readonly openSpaces: OpenSpace[] = [];
  readonly sealedAreas: SealedArea[] = [];
  readonly mobilityHubs: MobilityHub[] = [];
  readonly streets: Street[] = [];
  private readonly counters = new Map<string, number>();

  constructor(readonly frame: LocalFrame) {}

  nextId(prefix: string): string {
    const number = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, number);
    return `${prefix}-${number}`;
  }

  massing(
    prefix: string,
    rings: readonly (readonly LocalPoint[])[],
    spec: {
      storeys: number;
      storeyHeightMeters?: number;
      uses: MassingUses;
      subsidisedHousingShare?: number;
      roofType?: RoofType;
      greenRoof?: boolean;
      name?: { de: string; en: string };
    },
  ): Massing {
    const massing: Massing = {
      id: this.nextId(prefix),
      ...(spec.name ? { name: spec.name } : {}),
      footprint: this.frame.polygon(...rings),
      storeys: spec.storeys,
      storeyHeightMeters: spec.storeyHeightMeters ?? 3.1,
      uses: spec.uses,
      ...(spec.subsidisedHousingShare ? { subsidisedHousingShare: spec.subsidisedHousingShare } : {}),
      roofType: spec.roofType ?? 'flat',
      greenRoof: spec.greenRoof ?? false,
    };
    this.massings.push(massing);
    return massing;
  }

  openSpace(
    prefix: string,
    kind: OpenSpace['kind'],
    surface: OpenSpace['surface'],
    rings: readonly (readonly LocalPoint[])[],
    name?: { de: string; en: string },
  ): void {
    this.openSpaces.push({
      id: this.nextId(prefix),
      ...(name ? { name } : {}),
      kind,
      surface,
      area: this.frame.polygon(...rings),
    });
  }

  sealedArea(prefix: string, kind: SealedArea['kind'], ring: readonly LocalPoint[]): void {
    this.sealedAreas.push({ id: this.nextId(prefix), kind, area: this.frame.polygon(ring) });
  }

  street(kind: Street['kind'], points: readonly LocalPoint[], widthMeters: number, name?: string): void {
    this.streets.push({
      id: this.nextId('street'),
      ...(name ? { name } : {}),
      kind,
      line: points.map((point) => this.frame.position(point)),
      widthMeters,
    });
  }

  mobilityHub(
    at: LocalPoint,
    spec: {
      parkingSpaces: number;
      bikeSpaces: number;
      sharingVehicles?: number;
      massingId?: string;
      name: { de: string; en: string };
    },
  ): void {
    this.mobilityHubs.push({ id: this.nextId('hub'), position: this.frame.position(at), ...spec });
  }
}
