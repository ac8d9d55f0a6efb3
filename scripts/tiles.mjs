// `npm run tiles`: runs scripts/buildTiles.ts precompiled. tsx costs a run about 0.9 s before the first byte is
// read (its loader thread, transpiling and resolving some 600 modules one by one), as long as converting the 13
// real LoD2 tiles takes. So the CLI and its workers are bundled once with esbuild (a declared dependency; tsx and vite use the same version) into
// .cache/tiles-cli/, rebuilt whenever one of the project's files it was built from, or package-lock.json, is
// newer than the bundle. Output is the same bytes as `tsx scripts/buildTiles.ts` (scripts/buildTiles.test.ts).
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const CACHE = join(ROOT, '.cache', 'tiles-cli');
const CURRENT = join(CACHE, 'current.json');
/** Inputs outside node_modules that decide the bundle besides the sources esbuild reports. */
const EXTRA_INPUTS = ['package-lock.json', 'scripts/tiles.mjs'];
/** A previous build is deleted once it is this old, so a run still loading its lazy chunks is not disturbed. */
const OLD_BUILD_MS = 10 * 60 * 1000;

/** The bundle recorded in current.json, if every input it was built from is unchanged since. */
function currentBuild() {
  if (!existsSync(CURRENT)) return undefined;
  const { folder, builtMs, inputs } = JSON.parse(readFileSync(CURRENT, 'utf8'));
  const entry = join(CACHE, folder, 'buildTiles.mjs');
  if (!existsSync(entry)) return undefined;
  for (const input of inputs) {
    const path = join(ROOT, input);
    if (!existsSync(path) || statSync(path).mtimeMs > builtMs) return undefined;
  }
  return entry;
}

/**
 * gltf-transform's functions import ndarray-pixels for texture work, which loads sharp's native image codecs
 * (about 0.15 s per start); building tiles have no textures, so the bundle gets a stand-in that would say so.
 */
const withoutImageCodecs = {
  name: 'without-image-codecs',
  setup(build) {
    build.onResolve({ filter: /^ndarray-pixels$/ }, () => ({
      path: 'ndarray-pixels',
      namespace: 'stand-in',
    }));
    build.onLoad({ filter: /.*/, namespace: 'stand-in' }, () => ({
      loader: 'js',
      contents:
        "const absent = () => { throw new Error('Building tiles have no textures: ndarray-pixels is left out.'); };\n" +
        'export const getPixels = absent;\nexport const savePixels = absent;\n',
    }));
  },
};

/** Bundles the CLI and its worker (node_modules included: resolving packages file by file costs 0.4 s too). */
async function build() {
  const { build: bundle } = await import('esbuild');
  const builtMs = Date.now();
  const folder = `build-${builtMs}-${process.pid}`;
  const result = await bundle({
    absWorkingDir: ROOT,
    // The workers are found beside the CLI (buildingWorkerPool.ts: ./buildingWorkerEntry.mjs, likewise the tiles').
    entryPoints: {
      buildTiles: 'scripts/buildTiles.ts',
      buildingWorkerEntry: 'scripts/buildings/buildingWorker.ts',
      tileWriterWorkerEntry: 'scripts/buildings/tileWriterWorker.ts',
    },
    outdir: join(CACHE, folder),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true, // Shared chunks; the FlatGeobuf and Shapefile readers stay lazy.
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'error',
    // CommonJS packages call require() for Node's own modules; an ES module has none of its own.
    plugins: [withoutImageCodecs],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  // The project's own files; stand-ins (namespace `stand-in:`) are no files, packages count through the lock file.
  const inputs = [
    ...Object.keys(result.metafile.inputs).filter(
      (path) => !path.includes('node_modules') && existsSync(resolve(ROOT, path)),
    ),
    ...EXTRA_INPUTS,
  ].map((path) => relative(ROOT, resolve(ROOT, path)));
  const next = `${CURRENT}.${process.pid}`;
  writeFileSync(next, JSON.stringify({ folder, builtMs, inputs }));
  renameSync(next, CURRENT); // Atomic: a concurrent run sees the old build or the new one, never half of one.
  for (const name of readdirSync(CACHE))
    if (
      name.startsWith('build-') &&
      name !== folder &&
      builtMs - statSync(join(CACHE, name)).mtimeMs > OLD_BUILD_MS
    )
      rmSync(join(CACHE, name), { recursive: true, force: true });
  return join(CACHE, folder, 'buildTiles.mjs');
}

mkdirSync(CACHE, { recursive: true });
let entry = currentBuild();
if (entry === undefined) {
  process.stderr.write('Übersetzt den Kachel-Konverter (einmalig nach Änderungen) …\n');
  entry = await build();
}
await import(pathToFileURL(entry).href);
