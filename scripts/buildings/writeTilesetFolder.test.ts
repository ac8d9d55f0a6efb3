import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stageTilesetFolder, writeTilesetFolder } from './writeTilesetFolder';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });
const parents: string[] = [];
const newParent = () => {
  parents.push(mkdtempSync(join(tmpdir(), 'twin-staged-')));
  return parents.at(-1)!;
};
afterEach(() => parents.splice(0).forEach((parent) => rmSync(parent, { recursive: true, force: true })));

describe('stageTilesetFolder', () => {
  it('replaces the old tileset only on commit, and leaves it untouched when discarded', () => {
    const parent = newParent();
    const folder = join(parent, 'tiles', 'city');
    writeTilesetFolder(folder, [file('tileset.json', 'old'), file('content/0_0_0.glb', 'old tile')]);

    const discarded = stageTilesetFolder(folder);
    discarded.writeFile(file('tileset.json', 'half-written'));
    discarded.discard();
    expect(readFileSync(join(folder, 'tileset.json'), 'utf8')).toBe('old');

    const committed = stageTilesetFolder(folder);
    committed.writeFile(file('content/1_0_0.glb', 'new tile'));
    // Not yet committed: the old tileset is still what a server hands out.
    expect(readFileSync(join(folder, 'tileset.json'), 'utf8')).toBe('old');
    committed.writeFile(file('tileset.json', 'new'));
    committed.commit();
    committed.discard();
    expect(readFileSync(join(folder, 'tileset.json'), 'utf8')).toBe('new');
    expect(readdirSync(join(folder, 'content'))).toEqual(['1_0_0.glb']);
    // Neither staging nor the previous tileset is left beside the folder.
    expect(readdirSync(join(parent, 'tiles'))).toEqual(['city']);
    expect(() => committed.writeFile(file('late.json', ''))).toThrow(/already been committed/);
  });

  it('leaves no folder behind when a first tileset is discarded', () => {
    const parent = newParent();
    const staged = stageTilesetFolder(join(parent, 'city'));
    staged.writeFile(file('tileset.json', '{}'));
    staged.discard();
    expect(existsSync(join(parent, 'city'))).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });
});
