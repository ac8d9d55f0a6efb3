import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Database, type SqliteDatabase } from './sqliteDriver';

export interface SchemaDatabaseOptions {
  /** `CREATE … IF NOT EXISTS` statements: run on every open, so a new file gets its tables. */
  schema: string;
  /** The layout this code writes (`PRAGMA user_version`); a file of a newer layout is refused. */
  schemaVersion: number;
  /** `synchronous` with WAL: FULL when every answer must be on disk (rare, precious writes), NORMAL for streams. */
  synchronous: 'FULL' | 'NORMAL';
  /** Further pragmas, e.g. `foreign_keys = ON`. */
  pragmas?: string[];
}

/**
 * Opens (creating folder and file if needed) a SQLite file of ours in WAL mode, refuses one written by a newer
 * Münster Twin with a message naming the file, and creates the tables. Closes the file again on any error.
 */
export function openSchemaDatabase(path: string, options: SchemaDatabaseOptions): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  try {
    database.pragma('journal_mode = WAL');
    database.pragma(`synchronous = ${options.synchronous}`);
    database.pragma('busy_timeout = 5000');
    for (const pragma of options.pragmas ?? []) database.pragma(pragma);
    const version = database.pragma('user_version', { simple: true }) as number;
    if (version > options.schemaVersion) {
      throw new Error(
        `${path} was written by a newer Münster Twin (schema ${version} > ${options.schemaVersion})`,
      );
    }
    database.exec(options.schema);
    database.pragma(`user_version = ${options.schemaVersion}`);
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}
