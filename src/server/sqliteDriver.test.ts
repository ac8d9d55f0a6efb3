import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database, sqlitePackageFor } from './sqliteDriver';

describe('SQLite driver', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('takes better-sqlite3 13 on Node 22 and 24 (12 aborts on 24) and 12 on Node 20 (13 crashes there)', () => {
    expect(sqlitePackageFor('20.20.2')).toBe('better-sqlite3-node20');
    expect(sqlitePackageFor('22.23.3')).toBe('better-sqlite3');
    expect(sqlitePackageFor('24.21.0')).toBe('better-sqlite3');
  });

  it('writes and reads a database file on the running Node, statements finalized by the garbage collector', () => {
    const folder = mkdtempSync(join(tmpdir(), 'twin-sqlite-'));
    folders.push(folder);
    const file = join(folder, 'probe.sqlite');
    const database = new Database(file);
    database.pragma('journal_mode = WAL');
    database.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    // Many short-lived statements, as pragma() and ad-hoc queries make: the Node 24 abort came from finalizing them.
    for (let index = 0; index < 2_000; index++)
      database.prepare('INSERT INTO t (name) VALUES (?)').run(`n${index}`);
    database.close();
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2_000 });
    reopened.close();
  });
});
