import type { SqliteDatabase, Statement } from '../sqliteDriver';
import { openSchemaDatabase } from '../sqliteFiles';
import type { SavedVariant } from '../../domain/scenarios/savedVariants';
import { scenarioVariantSchema } from '../../domain/scenarios/scenarioSchema';

/** The database layout this code writes (`PRAGMA user_version`); a newer file is refused. */
const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS saved_variants (
    scenario_id TEXT NOT NULL,
    variant_id TEXT NOT NULL,
    title TEXT NOT NULL,
    based_on TEXT,
    saved_at TEXT NOT NULL,
    variant_json TEXT NOT NULL,
    PRIMARY KEY (scenario_id, variant_id)
  );
`;

interface Row {
  scenario_id: string;
  variant_id: string;
  based_on: string | null;
  saved_at: string;
  variant_json: string;
}

/**
 * Variants saved during workshops, one SQLite file (synchronous commits: a saved variant survives a crash or a
 * power cut). Scene files in `scenes/` are never written; the app merges these into each quarter's variants.
 */
export class SavedVariantStore {
  private readonly database: SqliteDatabase;
  private readonly insert: Statement<[string, string, string, string | null, string, string]>;
  private readonly listByScenario: Statement<[string], Row>;
  private readonly updateTitle: Statement<[string, string, string, string]>;
  private readonly deleteOne: Statement<[string, string]>;

  constructor(readonly path: string) {
    this.database = openSchemaDatabase(path, {
      schema: SCHEMA,
      schemaVersion: SCHEMA_VERSION,
      synchronous: 'FULL',
    });
    this.insert = this.database.prepare(
      `INSERT INTO saved_variants (scenario_id, variant_id, title, based_on, saved_at, variant_json)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.listByScenario = this.database.prepare(
      `SELECT scenario_id, variant_id, based_on, saved_at, variant_json FROM saved_variants
       WHERE scenario_id = ? ORDER BY saved_at, rowid`,
    );
    this.updateTitle = this.database.prepare(
      `UPDATE saved_variants SET title = ?, variant_json = ? WHERE scenario_id = ? AND variant_id = ?`,
    );
    this.deleteOne = this.database.prepare(
      `DELETE FROM saved_variants WHERE scenario_id = ? AND variant_id = ?`,
    );
  }

  /** The quarter's saved variants, oldest first; a row that no longer passes the schema is left out and logged. */
  list(scenarioId: string): SavedVariant[] {
    return this.listByScenario.all(scenarioId).flatMap((row) => {
      const parsed = scenarioVariantSchema.safeParse(JSON.parse(row.variant_json));
      if (!parsed.success) {
        console.error(`${this.path}: saved variant ${row.scenario_id}/${row.variant_id} is no longer valid`);
        return [];
      }
      const saved: SavedVariant = {
        scenarioId: row.scenario_id,
        variant: parsed.data,
        savedAt: row.saved_at,
      };
      if (row.based_on !== null) saved.basedOnVariantId = row.based_on;
      return [saved];
    });
  }

  /** Stores a new variant; throws when the quarter already has one of its id (the caller checks first). */
  add(saved: SavedVariant): void {
    this.insert.run(
      saved.scenarioId,
      saved.variant.id,
      saved.variant.title.de,
      saved.basedOnVariantId ?? null,
      saved.savedAt,
      JSON.stringify(saved.variant),
    );
  }

  /** Gives a saved variant a new name (its id stays); returns it renamed, undefined when there is no such one. */
  rename(scenarioId: string, variantId: string, title: string): SavedVariant | undefined {
    const saved = this.list(scenarioId).find((entry) => entry.variant.id === variantId);
    if (!saved) return undefined;
    const renamed: SavedVariant = {
      ...saved,
      variant: { ...saved.variant, title: { de: title, en: title } },
    };
    this.updateTitle.run(title, JSON.stringify(renamed.variant), scenarioId, variantId);
    return renamed;
  }

  /** Deletes a saved variant; returns whether there was one. */
  remove(scenarioId: string, variantId: string): boolean {
    return this.deleteOne.run(scenarioId, variantId).changes > 0;
  }

  close(): void {
    if (this.database.open) this.database.close();
  }
}
