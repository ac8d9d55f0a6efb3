import type { ReadBuilding } from '../../src/domain/buildings/pipeline/buildBuildingTileset';
import type { BuildingWorkerPool } from './buildingWorkerPool';
import type { InputFile } from './inputFiles';
import { readInputFile, type ReadInputOptions } from './readInputFile';

/**
 * All buildings of all files in the files' order, as readInputFiles gives them, but with the CityGML files read
 * and triangulated by the pool's worker threads, several at once; other formats are read here when their turn
 * comes. Issues reach `onIssue` in the same order too. The pool is closed when the reading ends.
 */
export async function* readInputFilesParallel(
  files: readonly InputFile[],
  options: ReadInputOptions,
  pool: BuildingWorkerPool,
): AsyncGenerator<ReadBuilding> {
  try {
    files.forEach((file, fileIndex) => {
      if (file.format === 'citygml') pool.add(fileIndex, file.path, file.displayName);
    });
    for (const [fileIndex, file] of files.entries()) {
      pool.advanceTo(fileIndex);
      if (file.format !== 'citygml') {
        yield* readInputFile(file, options);
        continue;
      }
      for (let batch = await pool.nextBatch(fileIndex); batch; batch = await pool.nextBatch(fileIndex)) {
        for (const event of batch) {
          if ('issue' in event) options.onIssue(event.issue);
          else yield event.mesh;
        }
      }
    }
  } finally {
    await pool.close();
  }
}
