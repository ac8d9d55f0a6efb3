import type { BuildingIssue } from './buildingModel';

/** One line per issue: `Fehler LoD2_32_405_5757_1_NW.gml DENW49AL0000LI95: … (code)`. */
export function formatBuildingIssue(issue: BuildingIssue): string {
  const severity = issue.severity === 'error' ? 'Fehler' : 'Warnung';
  const where = issue.featureId ? `${issue.file} ${issue.featureId}` : issue.file;
  return `${severity} ${where}: ${issue.message} (${issue.code})`;
}
