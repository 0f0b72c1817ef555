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

/**
 * The yaml package (158 KB of the engine's chunk) is called only when the fast YAML reader gives up,
 * when a diagnostic is located in a YAML file, and by the commands that write YAML (import, whatif);
 * `ramparts run` and `validate` of a valid scenario never call it, yet compiled and initialised it on
 * every start. It is bundled on its own as lib/yaml.cjs, and every `import ... from 'yaml'` gets a
 * stand-in whose functions require() that file on their first call. Only the functions listed here
 * can be imported from 'yaml' (esbuild fails the build on any other name, so nothing is missed
 * silently); yaml's classes and visit's BREAK/SKIP/REMOVE symbols are not offered.
 */
const YAML_FUNCTIONS = ['isAlias', 'isMap', 'isScalar', 'isSeq', 'parse', 'parseAllDocuments', 'parseDocument', 'stringify', 'visit'];
const YAML_FILE = 'yaml.cjs';
const yamlOnDemand = {
  name: 'yaml-on-demand',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: 'yaml', namespace: 'yaml-on-demand' }));
    b.onLoad({ filter: /.*/, namespace: 'yaml-on-demand' }, () => ({
      contents: [
        "import { createRequire } from 'node:module';",
        'let yaml;',
        // The chunk that holds this sits in lib/ beside yaml.cjs.
        `const load = () => (yaml ??= createRequire(import.meta.url)('./${YAML_FILE}'));`,
        ...YAML_FUNCTIONS.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
      ].join('\n'),
      loader: 'js',
    }));
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
    plugins: [zodEnglishOnly, yamlOnDemand],
    write: false,
    metafile: true,
  });
  const yaml = await build({
    absWorkingDir: ROOT,
    entryPoints: { yaml: 'yaml' },
    outfile: join(outdir, YAML_FILE),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    write: false,
  });
  mkdirSync(outdir, { recursive: true });
  const written = new Set();
  for (const file of [...result.outputFiles, ...yaml.outputFiles]) {
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
