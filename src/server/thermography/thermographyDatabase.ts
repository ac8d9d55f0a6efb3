/**
 * The private thermography file (SQLite): per-building results, roof images and access-code hashes. Only the
 * pipeline writes it and only the server reads it; it must never lie under a served folder.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Database, type SqliteDatabase } from '../sqliteDriver';
import type { StoredAccessCode } from './accessCodes';

/** 2: buildings carry their geometry and comparison group; groups of similar buildings in their own table. */
const SCHEMA_VERSION = 2;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS buildings (
    building_id TEXT PRIMARY KEY,
    result_json TEXT NOT NULL,
    address_json TEXT NOT NULL,
    image_png BLOB,
    image_json TEXT,
    geometry_json TEXT,
    comparison_group TEXT
  );
  CREATE TABLE IF NOT EXISTS comparison_groups (group_key TEXT PRIMARY KEY, group_json TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS access_codes (
    lookup_id TEXT PRIMARY KEY,
    building_id TEXT NOT NULL UNIQUE,
    salt BLOB NOT NULL,
    hash BLOB NOT NULL,
    cost_log2 INTEGER NOT NULL,
    block_size INTEGER NOT NULL,
    parallelism INTEGER NOT NULL,
    issued_at TEXT NOT NULL
  );
`;

/** One building's private record as stored. */
export interface StoredBuilding {
  buildingId: string;
  /** The RoofResult as JSON text, exactly as the pipeline wrote it. */
  resultJson: string;
  /** The building's addresses as JSON text (for the owner's page and the letters). */
  addressJson: string;
  imagePng?: Buffer;
  /** Georeference and colour scale of the image, JSON text. */
  imageJson?: string;
  /** Roof outline (EPSG:25832), height and area for the owner's 3D view, JSON text. */
  geometryJson?: string;
  /** Key of the group of similar buildings the owner is compared with (none: fewer than 5 alike). */
  comparisonGroupKey?: string;
}

/** Opens (creating if needed) the file for the pipeline and the code command. */
export function openThermographyDatabaseForWriting(file: string): ThermographyDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  const version = database.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION)
    throw new Error(`${file}: written by a newer version (schema ${version}); update Münster Twin`);
  // Results are replaced whole on every run, so older result tables are dropped; access codes stay.
  if (version > 0 && version < SCHEMA_VERSION) database.exec('DROP TABLE IF EXISTS buildings');
  database.exec(SCHEMA);
  database.pragma(`user_version = ${SCHEMA_VERSION}`);
  return new ThermographyDatabase(database);
}

/** Opens the file read-only for the server; throws when it does not exist. */
export function openThermographyDatabaseForReading(file: string): ThermographyDatabase {
  return new ThermographyDatabase(new Database(file, { readonly: true, fileMustExist: true }));
}

interface CodeRow {
  lookup_id: string;
  building_id: string;
  salt: Buffer;
  hash: Buffer;
  cost_log2: number;
  block_size: number;
  parallelism: number;
}

/** Typed access to the file. */
export class ThermographyDatabase {
  constructor(private readonly database: SqliteDatabase) {}

  /**
   * Replaces all building results (codes stay), the flight's metadata and the groups of similar buildings
   * (aggregates only, key → JSON) in one transaction.
   */
  replaceBuildings(
    buildings: Iterable<StoredBuilding>,
    meta: Record<string, string>,
    comparisonGroups: ReadonlyMap<string, string> = new Map(),
  ): void {
    const insert = this.database.prepare(
      'INSERT INTO buildings (building_id, result_json, address_json, image_png, image_json, geometry_json, comparison_group) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const insertMeta = this.database.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    const insertGroup = this.database.prepare(
      'INSERT INTO comparison_groups (group_key, group_json) VALUES (?, ?)',
    );
    this.database.transaction(() => {
      this.database.exec('DELETE FROM buildings; DELETE FROM meta; DELETE FROM comparison_groups;');
      for (const building of buildings)
        insert.run(
          building.buildingId,
          building.resultJson,
          building.addressJson,
          building.imagePng ?? null,
          building.imageJson ?? null,
          building.geometryJson ?? null,
          building.comparisonGroupKey ?? null,
        );
      for (const [key, value] of Object.entries(meta)) insertMeta.run(key, value);
      for (const [key, json] of comparisonGroups) insertGroup.run(key, json);
    })();
  }

  building(buildingId: string): StoredBuilding | undefined {
    // SELECT *: a file of schema 1 (before `npm start` rebuilt it) has no geometry or group columns yet.
    const row = this.database.prepare('SELECT * FROM buildings WHERE building_id = ?').get(buildingId) as
      | {
          building_id: string;
          result_json: string;
          address_json: string;
          image_png: Buffer | null;
          image_json: string | null;
          geometry_json?: string | null;
          comparison_group?: string | null;
        }
      | undefined;
    if (!row) return undefined;
    return {
      buildingId: row.building_id,
      resultJson: row.result_json,
      addressJson: row.address_json,
      imagePng: row.image_png ?? undefined,
      imageJson: row.image_json ?? undefined,
      geometryJson: row.geometry_json ?? undefined,
      comparisonGroupKey: row.comparison_group ?? undefined,
    };
  }

  /** The aggregate of a group of similar buildings as JSON text, if the group was published. */
  comparisonGroup(groupKey: string): string | undefined {
    const table = this.database
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'comparison_groups'")
      .get();
    if (!table) return undefined;
    const row = this.database
      .prepare('SELECT group_json FROM comparison_groups WHERE group_key = ?')
      .get(groupKey) as { group_json: string } | undefined;
    return row?.group_json;
  }

  /** Ids and address JSON of every building, in id order (for issuing codes). */
  listBuildings(): { buildingId: string; addressJson: string; status: string }[] {
    return (
      this.database
        .prepare(
          "SELECT building_id, address_json, json_extract(result_json, '$.status') AS status FROM buildings ORDER BY building_id",
        )
        .all() as { building_id: string; address_json: string; status: string }[]
    ).map((row) => ({ buildingId: row.building_id, addressJson: row.address_json, status: row.status }));
  }

  meta(): Record<string, string> {
    const rows = this.database.prepare('SELECT key, value FROM meta').all() as {
      key: string;
      value: string;
    }[];
    return Object.fromEntries(rows.map((row) => [row.key, row.value]));
  }

  /** Stores codes, replacing any earlier code of the same buildings (the old letters stop working). */
  storeAccessCodes(codes: readonly StoredAccessCode[], issuedAt: string): void {
    const removeOld = this.database.prepare('DELETE FROM access_codes WHERE building_id = ?');
    const insert = this.database.prepare(
      'INSERT INTO access_codes (lookup_id, building_id, salt, hash, cost_log2, block_size, parallelism, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.database.transaction(() => {
      for (const code of codes) {
        removeOld.run(code.buildingId);
        insert.run(
          code.lookupId,
          code.buildingId,
          code.salt,
          code.hash,
          code.cost.costLog2,
          code.cost.blockSize,
          code.cost.parallelism,
          issuedAt,
        );
      }
    })();
  }

  /** Whether a lookup id is taken (issuing draws again then). */
  hasLookupId(lookupId: string): boolean {
    return (
      this.database.prepare('SELECT 1 FROM access_codes WHERE lookup_id = ?').get(lookupId) !== undefined
    );
  }

  accessCode(lookupId: string): StoredAccessCode | undefined {
    const row = this.database.prepare('SELECT * FROM access_codes WHERE lookup_id = ?').get(lookupId) as
      CodeRow | undefined;
    if (!row) return undefined;
    return {
      lookupId: row.lookup_id,
      buildingId: row.building_id,
      salt: row.salt,
      hash: row.hash,
      cost: { costLog2: row.cost_log2, blockSize: row.block_size, parallelism: row.parallelism },
    };
  }

  close(): void {
    this.database.close();
  }
}
