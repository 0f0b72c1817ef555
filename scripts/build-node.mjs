// Compiles the command line, the server and the sweep worker into lib/ with esbuild, so that
// `ramparts` starts from plain JavaScript instead of transpiling TypeScript through tsx on every
// start. Plain JavaScript itself (not TypeScript) so that `npm install` can run it before anything
// is compiled: `prepare` runs `npm run build`, which runs this and the client's Vite build.
//
// One ESM bundle per entry with code splitting: lib/cli.js holds only the dispatcher, and each
// command's code (the engine, the server, the importers) sits in chunks loaded when the command runs.
//
// Output is written atomically file by file (a temporary name, then a rename) and stale chunks are
// removed afterwards: two test runs building at once, or a build while a spawned `ramparts` loads its
// chunks, never leave a reader with half a file.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What lib/ holds: the name of each entry's output and its source. */
export const ENTRIES = {
  cli: 'cli/main.ts',
  'sweep-worker': 'cli/sweep/worker.ts',
};

/**
 * The packages the compiled code imports at run time are exactly package.json's `dependencies` (the
 * server's stack, the Redis and PostgreSQL clients, d3 whose files the HTML report inlines); every
 * other import, the engine's zod, yaml, xstate and the like included, is bundled into lib/, where one
 * file loads faster than a package's tree of modules.
 */
export const EXTERNAL = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies ?? {});

/**
 * zod re-exports every translation of its messages (`z.locales`, two thirds of its 450 KB) and
 * uses only English unless told otherwise; nothing here reads `z.locales`. Left out, the command
 * line parses 260 KB less JavaScript on every start.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (args.importer.includes('/node_modules/zod/') ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** Builds lib/ (or `outdir`); resolves with the files written, relative to the root. */
export async function buildNode({ outdir = join(ROOT, 'lib') } = {}) {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // Bundled CommonJS packages (yaml's Node build) call require() for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    plugins: [zodEnglishOnly],
    write: false,
    metafile: true,
  });
  mkdirSync(outdir, { recursive: true });
  const written = new Set();
  for (const file of result.outputFiles) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
    written.add(basename(file.path));
  }
  for (const name of readdirSync(outdir)) {
    // Another build's temporary file is left alone: it is about to be renamed.
    if (!written.has(name) && !name.endsWith('.tmp')) rmSync(join(outdir, name), { force: true });
  }
  return [...written].map((name) => relative(ROOT, join(outdir, name)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildNode();
  console.log(`lib/: ${files.length} files`);
}
