/**
 * Writes scenes/york.json and scenes/oxford.json: `npx tsx scripts/scenarios/writeScenarioDocuments.ts`.
 * The layouts are seeded (same output on every run) and the written JSON is the document people edit afterwards;
 * run this only to start the documents afresh. Prints each variant's key figures.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { computeVariantKeyFigures } from '../../src/domain/scenarios/keyFigures';
import { computeCombinedKeyFigures } from '../../src/domain/scenarios/keyFiguresCombined';
import { polygonAreaSquareMeters } from '../../src/domain/scenarios/scenarioPlanarGeometry';
import { parseScene } from '../../src/domain/scenes/sceneDocument';
import { formatIssue } from '../../src/domain/validation/issues';
import { buildOxfordVariant, OXFORD_FRAME, OXFORD_OUTLINE, OXFORD_VARIANT_PLANS } from './oxfordVariants';
import { buildYorkVariant, YORK_FRAME, YORK_OUTLINE, YORK_VARIANT_PLANS } from './yorkVariants';
import type { ScenarioDocument, ScenarioTargets } from '../../src/domain/scenarios/scenarioSchema';

const root = resolve(import.meta.dirname, '../..');

const SUBSIDISED_TARGET: ScenarioTargets['subsidisedHomesShare'] = {
  value: 0.3,
  source:
    'Stadt Münster, Sozialgerechte Bodennutzung (SoBoMü, council decision of April 2014): at least 30 % publicly ' +
    'subsidised rental homes where a development plan creates or changes housing land (as reported by the city and ' +
    'Westfälische Nachrichten, December 2020)',
  confidence: 'medium',
  note: 'City-wide policy applied to the whole quarter; the quarter’s own agreed share may differ',
};

const GREEN_TARGET_NOTE =
  'No published share found offline; an assumption for the workshop, to be replaced by the development plan’s figure';

const york: ScenarioDocument = {
  $schema: './schema/scene.schema.json',
  schemaVersion: 1,
  kind: 'scenario',
  id: 'york',
  title: { de: 'York-Quartier (Gremmendorf)', en: 'York quarter (Gremmendorf)' },
  description: {
    de: 'Ehemalige York-Kaserne, etwa 50 ha, rund 1.800 Wohnungen für etwa 6.000 Menschen; entwickelt von der städtischen KonvOY GmbH. Drei Varianten zum Vergleich, nicht der beschlossene Plan.',
    en: 'Former York barracks, about 50 ha, about 1,800 homes for about 6,000 people; developed by the city’s KonvOY company. Three variants to compare, not the adopted plan.',
  },
  placeId: 'york-quartier',
  site: {
    boundary: YORK_FRAME.polygon(YORK_OUTLINE),
    statedAreaHectares: 50,
    source:
      'Schematic outline drawn for the twin around the York place of scenes/muenster.json: about 50 ha (yorkquartier.de: ' +
      '"circa 50 Hektar"; KonvOY names 53 ha), its long side along Albersloher Weg (bearing about 146°) on the east. ' +
      'No official outline was available offline.',
    accuracy:
      'Low: the position may be off by up to 500 m and the shape is schematic; replace it with the boundary of the ' +
      'development plan or the ALKIS parcels before measuring with it',
    accuracyMeters: 500,
    licence: 'Facts, no licence needed; outline drawn for the twin',
  },
  existingBuildings: { removeAllInsideSite: true, keep: [], remove: [] },
  targets: {
    homes: {
      value: 1800,
      source:
        'KonvOY GmbH / yorkquartier.de: about 1,800 homes for about 6,000 residents; Stadt Münster press release on ' +
        'the district centre: "rund 1.800 Wohneinheiten"',
      confidence: 'high',
    },
    subsidisedHomesShare: SUBSIDISED_TARGET,
    greenShare: {
      value: 0.3,
      source:
        'Assumption: KonvOY describes "a high share of generous green areas", old oaks and a landscape park, but no share',
      confidence: 'low',
      note: GREEN_TARGET_NOTE,
    },
  },
  variants: YORK_VARIANT_PLANS.map(buildYorkVariant),
};

const oxford: ScenarioDocument = {
  $schema: './schema/scene.schema.json',
  schemaVersion: 1,
  kind: 'scenario',
  id: 'oxford',
  title: { de: 'Oxford-Quartier (Gievenbeck)', en: 'Oxford quarter (Gievenbeck)' },
  description: {
    de: 'Ehemalige Oxford-Kaserne, etwa 26 ha, rund 1.200 Wohnungen für etwa 4.000 Menschen in Wohnhöfen, mit Park im Norden; entwickelt von der KonvOY GmbH. Drei Varianten zum Vergleich, nicht der beschlossene Plan.',
    en: 'Former Oxford barracks, about 26 ha, about 1,200 homes for about 4,000 people in residential courtyards, with a park in the north; developed by KonvOY. Three variants to compare, not the adopted plan.',
  },
  placeId: 'oxford-quartier',
  site: {
    boundary: OXFORD_FRAME.polygon(OXFORD_OUTLINE),
    statedAreaHectares: 26,
    source:
      'Schematic outline drawn for the twin around the Oxford place of scenes/muenster.json: about 26 ha between ' +
      'Roxeler Straße (taken as the south side), Gievenbecker Reihe (east) and Dieckmannstraße (the cut north-west ' +
      'corner), facts from KonvOY GmbH; which street bounds which side is an assumption. No official outline was ' +
      'available offline.',
    accuracy:
      'Low: the position may be off by up to 300 m and the shape is schematic; replace it with the boundary of the ' +
      'development plan or the ALKIS parcels before measuring with it',
    accuracyMeters: 300,
    licence: 'Facts, no licence needed; outline drawn for the twin',
  },
  existingBuildings: { removeAllInsideSite: true, keep: [], remove: [] },
  targets: {
    homes: {
      value: 1200,
      source: 'KonvOY GmbH: about 1,200 homes; the project page speaks of about 4,000 residents',
      confidence: 'medium',
    },
    subsidisedHomesShare: SUBSIDISED_TARGET,
    greenShare: {
      value: 0.3,
      source:
        'Assumption: KonvOY describes a wide park in the north continued by a green boulevard, but no share',
      confidence: 'low',
      note: GREEN_TARGET_NOTE,
    },
  },
  variants: OXFORD_VARIANT_PLANS.map(buildOxfordVariant),
};

const prettierOptions = { ...(await resolveConfig(resolve(root, 'scenes/york.json'))), parser: 'json' };
for (const [name, document] of [
  ['york.json', york],
  ['oxford.json', oxford],
] as const) {
  const path = resolve(root, 'scenes', name);
  const text = await format(JSON.stringify(document), prettierOptions);
  const { issues } = parseScene(text, `scenes/${name}`);
  if (issues.length > 0) {
    console.error(issues.map(formatIssue).join('\n'));
    process.exitCode = 1;
    continue;
  }
  writeFileSync(path, text);
  const siteHectares = polygonAreaSquareMeters(document.site.boundary) / 10_000;
  console.log(
    `wrote scenes/${name} (${(text.length / 1024).toFixed(0)} KiB), site ${siteHectares.toFixed(1)} ha`,
  );
  for (const variant of document.variants) {
    const { figures, targetGaps } = computeVariantKeyFigures(document, variant);
    console.log(
      `  ${variant.id.padEnd(24)} ${String(variant.massings.length).padStart(3)} massings, ` +
        `GFZ ${figures.floorAreaRatio.value?.toFixed(2)}, GRZ ${figures.siteCoverageRatio.value?.toFixed(2)}, ` +
        `${figures.homes.value} homes, ${figures.residents.value} residents, ` +
        `subsidised ${((figures.subsidisedHomesShare.value ?? 0) * 100).toFixed(0)} %, ` +
        `green ${((figures.greenShare.value ?? 0) * 100).toFixed(0)} %, sealed ${((figures.sealedShare.value ?? 0) * 100).toFixed(0)} %, ` +
        `parking/home ${figures.parkingSpacesPerHome.value?.toFixed(2)}, ` +
        `targets ${targetGaps.map((gap) => (gap.reached ? '✓' : '✗')).join('')}`,
    );
  }
}
const combined = computeCombinedKeyFigures([
  computeVariantKeyFigures(york, york.variants[0]!),
  computeVariantKeyFigures(oxford, oxford.variants[0]!),
]);
console.log(`first variants together: ${combined.homesGoal.value} of ${combined.homesGoal.target} homes`);
