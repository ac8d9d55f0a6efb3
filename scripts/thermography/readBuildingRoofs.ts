import type { BuildingIssue } from '../../src/domain/buildings/buildingModel';
import { roofOutlineOfBuilding, type RoofOutline } from '../../src/domain/thermography/roofOutline';
import { listInputFiles } from '../buildings/inputFiles';
import { readInputFiles } from '../buildings/readInputFile';

/**
 * The roofs of buildings read by the buildings pipeline's readers (LoD2 CityGML: roof surfaces seen from above;
 * footprints: the footprint). Buildings without a roof surface are counted, not invented.
 */
export async function readBuildingRoofs(
  paths: readonly string[],
  onIssue: (issue: BuildingIssue) => void,
): Promise<{ roofs: RoofOutline[]; withoutRoof: string[]; unknownPaths: string[] }> {
  const { files, unknown } = listInputFiles(paths);
  const roofs: RoofOutline[] = [];
  const withoutRoof: string[] = [];
  const seen = new Set<string>();
  for await (const building of readInputFiles(files, { onIssue })) {
    const roof = roofOutlineOfBuilding(building);
    if (!roof) withoutRoof.push(building.attributes.sourceId);
    else if (!seen.has(roof.buildingId)) {
      seen.add(roof.buildingId);
      roofs.push(roof);
    }
  }
  return { roofs, withoutRoof, unknownPaths: unknown };
}
