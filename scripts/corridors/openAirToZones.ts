// `npx tsx scripts/corridors/openAirToZones.ts <file.txt> --source "…" --licence "…" [--name "CTR Muenster"]`:
// turns OpenAir airspace blocks into restriction zones for a corridor document (scenes/*.json, kind "corridor"),
// printed as JSON on stdout; problems go to stderr with file and line. scenes/drone-corridors.json's control
// zone was made this way from the shared OpenAir excerpt (arcs densified to 5 m).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { restrictionZonesFromOpenAir } from '../../src/domain/corridors/airspaceZones';
import { parseOpenAir } from '../../src/domain/corridors/parseOpenAir';
import { formatIssue } from '../../src/domain/validation/issues';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    source: { type: 'string' },
    licence: { type: 'string' },
    name: { type: 'string', multiple: true },
    'id-prefix': { type: 'string', default: 'airspace' },
  },
});
const [file] = positionals;
if (!file || !values.source || !values.licence) {
  console.error('usage: openAirToZones.ts <file.txt> --source "…" --licence "…" [--name "CTR Muenster"]…');
  process.exit(2);
}
const { airspaces, issues } = parseOpenAir(readFileSync(file, 'utf8'), file);
issues.forEach((issue) => console.error(formatIssue(issue)));
const wanted = values.name;
const chosen = wanted ? airspaces.filter((airspace) => wanted.includes(airspace.name)) : airspaces;
const roundedDegrees = (value: number) => Number(value.toFixed(6));
const zones = restrictionZonesFromOpenAir(chosen, {
  source: values.source,
  licence: values.licence,
  idPrefix: values['id-prefix'],
}).map((zone) =>
  zone.geometry.type === 'polygon'
    ? {
        ...zone,
        geometry: {
          ...zone.geometry,
          coordinates: zone.geometry.coordinates.map(([lon, lat]) => [
            roundedDegrees(lon),
            roundedDegrees(lat),
          ]),
        },
      }
    : zone,
);
console.log(JSON.stringify(zones, null, 2));
if (issues.length > 0) process.exitCode = 1;
