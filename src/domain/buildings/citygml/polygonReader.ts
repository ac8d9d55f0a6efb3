/**
 * Collects one `gml:Polygon` at a time from SAX events: its rings' coordinates, their validity and their CRS.
 * Bad rings are dropped with a warning; a polygon whose exterior was dropped is dropped as a whole.
 */
import type { Point3 } from '../buildingModel';
import type { ParsedPolygon } from './buildingDraft';
import { appendCoordinates, ringFromCoordinates } from './ringCoordinates';

/** How the reader reports a dropped ring (the caller knows the file and the building). */
export type RingWarning = (code: string, message: string) => void;

/** Reusable state for the polygon currently being read. */
export class PolygonReader {
  private polygonId: string | undefined;
  private exterior: Point3[] | undefined;
  private exteriorDropped = false;
  private holes: Point3[][] = [];
  private ringIsExterior = true;
  /** Flat x, y, z of the ring being read; reused across rings to spare the allocator. */
  private readonly ringCoordinates: number[] = [];
  /** Set once a ring's text is known to be unusable, so it is dropped with one warning only. */
  private ringRejected = false;

  constructor(private readonly warn: RingWarning) {}

  /** Starts a polygon (gml:id may be missing). */
  startPolygon(polygonId: string | undefined): void {
    this.polygonId = polygonId;
    this.exterior = undefined;
    this.exteriorDropped = false;
    this.holes = [];
  }

  /** Starts the exterior ring or a hole. */
  startRing(isExterior: boolean): void {
    this.ringIsExterior = isExterior;
    this.ringCoordinates.length = 0;
    this.ringRejected = false;
  }

  /** Adds a `gml:posList`'s text, which must hold whole points of `dimension` numbers each. */
  addPositionList(text: string, dimension: number): void {
    if (this.ringRejected) return;
    if (dimension !== 3) {
      this.rejectRing('unsupported-dimension', `has srsDimension ${dimension}; only 3D coordinates are read`);
      return;
    }
    const count = appendCoordinates(text, this.ringCoordinates);
    if (count % 3 !== 0) {
      this.rejectRing('bad-poslist-length', `has a posList of ${count} numbers, not a multiple of 3`);
    }
  }

  /** Adds one `gml:pos`, which must hold exactly one 3D point. */
  addPosition(text: string): void {
    if (this.ringRejected) return;
    const count = appendCoordinates(text, this.ringCoordinates);
    if (count !== 3)
      this.rejectRing('bad-poslist-length', `has a gml:pos with ${count} numbers instead of 3`);
  }

  /** Marks the ring unusable for a reason found outside its coordinates (e.g. `gml:coordinates`). */
  rejectRing(code: string, reason: string): void {
    if (this.ringRejected) return;
    this.ringRejected = true;
    this.warn(code, `${this.describeRing()} ${reason}; ${this.consequence()}.`);
    if (this.ringIsExterior) this.exteriorDropped = true;
  }

  /** Validates the ring and keeps it as exterior or hole. */
  finishRing(): void {
    if (this.ringRejected) return;
    const result = ringFromCoordinates(this.ringCoordinates);
    if ('problem' in result) {
      const reason =
        result.problem === 'non-finite-coordinates'
          ? 'has a coordinate that is not a finite number'
          : 'has fewer than 3 distinct points';
      this.rejectRing(result.problem, reason);
      return;
    }
    if (this.ringIsExterior) this.exterior = result.points;
    else this.holes.push(result.points);
  }

  /** The finished polygon, or undefined when it has no usable exterior. */
  finishPolygon(): ParsedPolygon | undefined {
    if (this.exterior === undefined) {
      if (!this.exteriorDropped) {
        this.warn(
          'degenerate-ring',
          `Polygon ${this.polygonId ?? '(without gml:id)'} has no exterior ring; dropped.`,
        );
      }
      return undefined;
    }
    return { id: this.polygonId, exterior: this.exterior, holes: this.holes };
  }

  private describeRing(): string {
    const role = this.ringIsExterior ? 'Exterior ring' : 'Interior ring';
    return `${role} of polygon ${this.polygonId ?? '(without gml:id)'}`;
  }

  private consequence(): string {
    return this.ringIsExterior ? 'polygon dropped' : 'hole dropped';
  }
}
