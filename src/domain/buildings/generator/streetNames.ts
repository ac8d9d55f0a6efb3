/**
 * Invented but plausible street names of the Münsterland kind (trees, birds, field names, neighbouring towns).
 * Only the arterial roads and the Prinzipalmarkt carry real names; everything else is made up, so no generated
 * address pretends to be a real one.
 */
import type { SeededRandom } from './seededRandom';

/** Space-separated words; `_` stands for a space inside a name. */
function words(...lines: string[]): string[] {
  return lines
    .join(' ')
    .split(' ')
    .map((word) => word.replace(/_/g, ' '));
}

const PLANTS = words(
  'Linden Eichen Buchen Ulmen Kastanien Birken Ahorn Erlen Eschen Weiden Holunder Hasel',
  'Pappel Kiefern Tannen Fichten Lärchen Eiben Wacholder Schlehen Weißdorn Efeu Ginster Rosen',
  'Tulpen Nelken Lilien Flieder Narzissen Veilchen Astern Dahlien Lupinen Kamillen Malven',
  'Mohn Lavendel Quitten Mispel Brombeer Hagebutten Kirsch Apfel Birnen Pflaumen Hopfen Farn',
  'Schilf Binsen Heide',
);
const PLANT_PATTERNS = ['{}weg', '{}straße', '{}allee', '{}pfad', 'Am {}kamp', 'Am {}brink', 'Im {}esch'];

const BIRDS = words(
  'Amsel Drossel Finken Meisen Lerchen Stieglitz Zeisig Dohlen Elstern Eulen Falken Habichts',
  'Kiebitz Kranich Reiher Schwalben Wachtel Zaunkönig Rotkehlchen Pirol Specht Kuckucks',
  'Bussard Sperber Dompfaff Gimpel Hänfling Staren Ammer Uhu',
);
const BIRD_PATTERNS = ['{}weg', '{}straße', '{}pfad', '{}stiege'];

const TOWNS = words(
  'Telgter Nottulner Havixbecker Billerbecker Coesfelder Dülmener Lüdinghauser Ascheberger',
  'Drensteinfurter Everswinkeler Ostbeverner Emsdettener Rheiner Ladberger Lengericher',
  'Tecklenburger Horstmarer Laerer Altenberger Nordwalder Saerbecker Borghorster Sendener',
  'Sassenberger Beelener Ahlener Beckumer Oelder Glandorfer Lienener',
);
const TOWN_PATTERNS = ['{} Straße', '{} Weg', '{} Damm'];

const FIELDS = words(
  'Kamp Esch Brink Venn Horst Kolk Pohl Diek Hövel Loh Bült Wienkamp Düsterbusch Sandkamp',
  'Mühlenbach Hohen_Ufer Grünen_Weg Steinkamp Moorkamp Hasenkamp',
);
const FIELD_PATTERNS = ['Am {}', 'Zum {}', 'Auf dem {}'];

const CRAFTS = words(
  'Gerber Weber Töpfer Bäcker Schmiede Kupfer Zinn Glocken Korn Tuchmacher Fischer Sattler',
  'Drechsler Böttcher Brauer Färber Hutmacher Kerzen Seiler Schuster Knochenhauer',
  'Goldschmiede Leinen Wollen Kramer Pelzer Riemer Zimmerer Glaser Küfer',
);
const CRAFT_PATTERNS = ['{}gasse', '{}straße', 'Am {}markt'];

function expand(roots: readonly string[], patterns: readonly string[]): string[] {
  return patterns.flatMap((pattern) => roots.map((root) => pattern.replace('{}', root)));
}

/** Hands out street names without repeating one: old-town names for the old town, the rest elsewhere. */
export interface StreetNamer {
  oldTownName(): string;
  suburbanName(): string;
}

/** A namer drawing in a seed-dependent order; `reserved` names (the real ones in use) are never handed out. */
export function createStreetNamer(random: SeededRandom, reserved: readonly string[]): StreetNamer {
  const used = new Set(reserved);
  const shuffled = (names: string[]) => {
    for (let index = names.length - 1; index > 0; index--) {
      const other = random.integer(0, index);
      [names[index], names[other]] = [names[other]!, names[index]!];
    }
    return names;
  };
  const oldTown = shuffled(expand(CRAFTS, CRAFT_PATTERNS));
  const suburban = shuffled([
    ...expand(PLANTS, PLANT_PATTERNS),
    ...expand(BIRDS, BIRD_PATTERNS),
    ...expand(TOWNS, TOWN_PATTERNS),
    ...expand(FIELDS, FIELD_PATTERNS),
  ]);
  let overflow = 0;
  const draw = (pool: string[]): string => {
    while (pool.length > 0) {
      const name = pool.pop()!;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    // Only a far larger city than the default exhausts the pools; numbered names keep addresses unique.
    overflow++;
    return `Neue Straße ${overflow}`;
  };
  return {
    oldTownName: () => draw(oldTown.length > 0 ? oldTown : suburban),
    suburbanName: () => draw(suburban),
  };
}
