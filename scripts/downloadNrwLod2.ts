// `npm run tiles:download -- 405_5757 406_5758 [--out data/lod2] [--base-url URL]`: fetches real LoD2 CityGML
// tiles from the NRW open-data portal (needs internet; never run by the tests), then
// `npm run tiles -- data/lod2 --out tiles/<name>` builds them. Existing files are kept, not downloaded again.
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { NRW_LOD2_DEFAULT_BASE_URL, parseNrwLod2TileName } from '../src/domain/buildings/nrwLod2Tiles';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'data/lod2' },
    'base-url': { type: 'string', default: NRW_LOD2_DEFAULT_BASE_URL },
  },
});
if (positionals.length === 0) {
  console.error('Kachelnamen angeben, z. B.: npm run tiles:download -- 405_5757 406_5758');
  process.exit(2);
}
mkdirSync(values.out, { recursive: true });
let failures = 0;
for (const text of positionals) {
  const parsed = parseNrwLod2TileName(text);
  if ('error' in parsed) {
    console.error(parsed.error);
    failures++;
    continue;
  }
  const target = join(values.out, parsed.fileName);
  if (existsSync(target)) {
    console.log(`${parsed.fileName}: schon vorhanden`);
    continue;
  }
  const url = new URL(parsed.fileName, values['base-url']).href;
  const response = await fetch(url).catch(
    (error: unknown) => ({ ok: false, status: String(error) }) as const,
  );
  if (!response.ok || !('body' in response) || !response.body) {
    console.error(`${parsed.fileName}: ${url} antwortete mit ${response.status}`);
    failures++;
    continue;
  }
  // Write to a temporary name first, so an interrupted download never looks like a complete tile.
  await pipeline(Readable.fromWeb(response.body as never), createWriteStream(`${target}.part`));
  renameSync(`${target}.part`, target);
  console.log(`${parsed.fileName}: geladen`);
}
process.exitCode = failures > 0 ? 1 : 0;
