import type { RestrictionZoneCategory } from './corridorScene';
import type { WeekdayWindow } from './operatingHours';

/** conflict: the corridor cannot be flown like this; warning: it needs someone's consent or a closer look; info: worth knowing. */
export type FindingSeverity = 'conflict' | 'warning' | 'info';

/** A corridor's overall state: its worst finding (info does not count). */
export type CorridorStatus = 'clear' | 'warning' | 'conflict';

/** Which rule a finding is about; CORRIDOR_RULES says what it means and where it comes from. */
export type CorridorRule =
  | 'building-intrusion'
  | 'building-clearance'
  | 'restriction-zone'
  | 'corridor-overlap'
  | 'legal-ceiling'
  | 'residential-overflight'
  | 'empty-volume';

/** Where a finding is: WGS84 degrees and metres above mean sea level (add the geoid undulation for an ellipsoid height). */
export interface FindingPosition {
  longitudeDegrees: number;
  latitudeDegrees: number;
  heightMeters: number;
}

interface FindingBase {
  /** Unique within a report, stable for the same input: `<corridor id>:<rule>:<n>`. */
  id: string;
  corridorId: string;
  severity: FindingSeverity;
  position: FindingPosition;
  /** The stretch of the centre line concerned, metres from its start (equal for a single spot). */
  fromMeters: number;
  toMeters: number;
}

/** A building inside the corridor's volume (intrusion), or closer to it than the minimum clearance. */
export interface BuildingFinding extends FindingBase {
  rule: 'building-intrusion' | 'building-clearance';
  buildingId: string;
  /** Corridor floor minus building top at the building; negative when the building reaches above the floor. */
  verticalClearanceMeters: number;
  /** Distance from the corridor's side to the footprint; negative when the footprint reaches under the corridor. */
  lateralClearanceMeters: number;
  requiredVerticalClearanceMeters: number;
  requiredLateralClearanceMeters: number;
}

/** A stretch where the corridor's volume overlaps a restriction zone's. */
export interface ZoneFinding extends FindingBase {
  rule: 'restriction-zone';
  zoneId: string;
  zoneName: { de: string; en?: string };
  zoneCategory: RestrictionZoneCategory;
  legalBasis: string;
  requirement: { de: string; en?: string };
  /** The shared height band (MSL metres) where it is largest. */
  overlapBottomMeters: number;
  overlapTopMeters: number;
}

/** A stretch where two corridors' volumes overlap; a conflict when their operating hours overlap too. */
export interface OverlapFinding extends FindingBase {
  rule: 'corridor-overlap';
  otherCorridorId: string;
  /** When both are in operation; empty when they never are at the same time (severity info). */
  overlappingHours: WeekdayWindow[];
  overlapBottomMeters: number;
  overlapTopMeters: number;
}

/** A stretch where the ceiling is higher above ground than the legal limit. */
export interface CeilingFinding extends FindingBase {
  rule: 'legal-ceiling';
  /** The highest the ceiling gets above the ground below it along the stretch. */
  ceilingAboveGroundMeters: number;
  limitMeters: number;
}

/** A stretch over residential buildings, whose owners or occupants must consent. */
export interface ResidentialFinding extends FindingBase {
  rule: 'residential-overflight';
  buildingIds: string[];
  estimatedResidents: number;
}

/** A stretch where the floor is not below the ceiling (possible with one given above ground, the other above sea level). */
export interface EmptyVolumeFinding extends FindingBase {
  rule: 'empty-volume';
  floorMeters: number;
  ceilingMeters: number;
}

export type CorridorFinding =
  BuildingFinding | ZoneFinding | OverlapFinding | CeilingFinding | ResidentialFinding | EmptyVolumeFinding;

/** A finding before the report numbers it. */
export type UnnumberedFinding = CorridorFinding extends infer F
  ? F extends CorridorFinding
    ? Omit<F, 'id'>
    : never
  : never;

/** What each rule says and where it comes from, for the findings panel. */
export const CORRIDOR_RULES: Readonly<
  Record<CorridorRule, { title: { de: string; en: string }; basis: string }>
> = {
  'building-intrusion': {
    title: { de: 'Gebäude ragt in den Korridor', en: 'A building reaches into the corridor' },
    basis: 'Geometry: the building stands under the corridor and rises above its floor',
  },
  'building-clearance': {
    title: {
      de: 'Mindestabstand zu einem Gebäude unterschritten',
      en: 'Closer to a building than the minimum clearance',
    },
    basis: 'Planning setting (minimum vertical and lateral clearance), not a legal value',
  },
  'restriction-zone': {
    title: { de: 'Flug durch eine Beschränkungszone', en: 'Passes through a restriction zone' },
    basis: "The zone's own legal basis (see the finding)",
  },
  'corridor-overlap': {
    title: { de: 'Überschneidung mit einem anderen Korridor', en: 'Overlaps another corridor' },
    basis:
      'Corridors in use at the same time must not share airspace (cf. Implementing Regulation (EU) 2021/664, Art. 10: flight authorisations free of intersection in space and time)',
  },
  'legal-ceiling': {
    title: { de: 'Höher als 120 m über Grund', en: 'Higher than 120 m above ground' },
    basis:
      "Implementing Regulation (EU) 2019/947, Annex Part A, UAS.OPEN.010(2): within 120 m of the closest point of the earth's surface (open category; a specific-category authorisation must cover any more)",
  },
  'residential-overflight': {
    title: { de: 'Überflug von Wohngrundstücken', en: 'Flies over residential property' },
    basis:
      '§ 21h Abs. 3 Nr. 7 LuftVO: only with the consent of owners or occupants, unless the drone weighs 250 g or less without sensors, or flies at 100 m or more under the conditions of Nr. 7',
  },
  'empty-volume': {
    title: { de: 'Boden nicht unter der Decke', en: 'Floor not below the ceiling' },
    basis:
      'The corridor has no volume there: its floor (above ground) reaches its ceiling (above sea level) or the reverse',
  },
};

/** The worst severity of the findings: conflict before warning; info alone leaves a corridor clear. */
export function corridorStatus(findings: readonly { severity: FindingSeverity }[]): CorridorStatus {
  if (findings.some((finding) => finding.severity === 'conflict')) return 'conflict';
  if (findings.some((finding) => finding.severity === 'warning')) return 'warning';
  return 'clear';
}
