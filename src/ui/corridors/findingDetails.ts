import type { TFunction } from 'i18next';
import { CORRIDOR_RULES, type CorridorFinding } from '../../domain/corridors/corridorFindings';
import { localize } from '../../domain/scenes/sceneDocument';

const meters = (value: number) => Math.round(value).toLocaleString('de-DE');

/** What a finding is about in one line (which building, zone or corridor, by how much), in the UI language. */
export function describeFinding(finding: CorridorFinding, language: string, t: TFunction): string {
  switch (finding.rule) {
    case 'building-intrusion':
    case 'building-clearance':
      return t('corridors.finding.building', {
        building: finding.buildingId,
        vertical: meters(finding.verticalClearanceMeters),
        lateral: meters(finding.lateralClearanceMeters),
        requiredVertical: meters(finding.requiredVerticalClearanceMeters),
        requiredLateral: meters(finding.requiredLateralClearanceMeters),
      });
    case 'restriction-zone':
      return t('corridors.finding.zone', {
        zone: localize(finding.zoneName, language),
        requirement: localize(finding.requirement, language),
      });
    case 'corridor-overlap':
      return finding.overlappingHours.length === 0
        ? t('corridors.finding.overlapNever', { other: finding.otherCorridorId })
        : t('corridors.finding.overlap', {
            other: finding.otherCorridorId,
            hours: finding.overlappingHours
              .map((window) => `${window.weekday} ${window.from}–${window.to}`)
              .join(', '),
          });
    case 'legal-ceiling':
      return t('corridors.finding.ceiling', {
        height: meters(finding.ceilingAboveGroundMeters),
        limit: meters(finding.limitMeters),
      });
    case 'residential-overflight':
      return t('corridors.finding.residential', {
        count: finding.buildingIds.length,
        residents: meters(finding.estimatedResidents),
      });
    case 'empty-volume':
      return t('corridors.finding.emptyVolume', {
        floor: meters(finding.floorMeters),
        ceiling: meters(finding.ceilingMeters),
      });
  }
}

/** The rule's title in the UI language. */
export function findingTitle(finding: CorridorFinding, language: string): string {
  return CORRIDOR_RULES[finding.rule].title[language === 'en' ? 'en' : 'de'];
}

/** The legal or planning basis: a zone's own rule, else the rule's. */
export function findingBasis(finding: CorridorFinding): string {
  return finding.rule === 'restriction-zone' ? finding.legalBasis : CORRIDOR_RULES[finding.rule].basis;
}
