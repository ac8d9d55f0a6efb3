// The SQLite driver for every database file of the server. better-sqlite3 12 aborts the process on Node 24 (its
// Statement finalizer calls into Node without an environment: "Assertion failed: (env) != nullptr" in
// RemoveEnvironmentCleanupHook, at exit or during a garbage collection), and better-sqlite3 13 (Node-API, prebuilt
// binaries in the package, no install script) crashes on Node 20. So 13 is the dependency and 12 an optional
// one under the alias `better-sqlite3-node20`, loaded only on Node 20. Both have the same API for what we use.
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

export type { Database as SqliteDatabase, Statement } from 'better-sqlite3';

/** The package that runs on a Node version (`process.versions.node`). */
export function sqlitePackageFor(nodeVersion: string): 'better-sqlite3' | 'better-sqlite3-node20' {
  return Number(nodeVersion.split('.')[0]) >= 22 ? 'better-sqlite3' : 'better-sqlite3-node20';
}

const require = createRequire(import.meta.url);

/** better-sqlite3's Database constructor for the running Node. */
export const Database: typeof BetterSqlite3 = require(
  sqlitePackageFor(process.versions.node),
) as typeof BetterSqlite3;
