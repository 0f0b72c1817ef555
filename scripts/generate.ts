/**
 * Runs every generator and writes its files: `npm run gen`. `npm run gen -- --check` writes
 * nothing and exits 1 when a committed file differs from a fresh generation (for CI and tests);
 * names select a subset: `npm run gen -- schema`.
 *
 * To add a generator: a module exporting `name` and `generate()` (see generator.ts), and one line
 * in GENERATORS below.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedFile, GeneratorModule } from './generator.ts';

export const GENERATORS: (() => Promise<GeneratorModule>)[] = [() => import('./generate-schema.ts'), () => import('./generate-stress.ts')];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the generators whose names are in `only` (all when empty). */
export async function runGenerators(only: readonly string[] = []): Promise<{ name: string; files: GeneratedFile[] }[]> {
  const out: { name: string; files: GeneratedFile[] }[] = [];
  for (const load of GENERATORS) {
    const mod = await load();
    if (only.length > 0 && !only.includes(mod.name)) continue;
    out.push({ name: mod.name, files: await mod.generate() });
  }
  return out;
}

/** Files whose committed content differs from a fresh generation. */
export async function staleFiles(only: readonly string[] = []): Promise<string[]> {
  const stale: string[] = [];
  for (const { files } of await runGenerators(only)) {
    for (const f of files) {
      const current = await readFile(resolve(ROOT, f.path), 'utf8').catch(() => undefined);
      if (current !== f.content) stale.push(f.path);
    }
  }
  return stale;
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const only = argv.filter((a) => !a.startsWith('-'));
  if (check) {
    const stale = await staleFiles(only);
    for (const path of stale) console.error(`out of date: ${path} (run npm run gen)`);
    return stale.length > 0 ? 1 : 0;
  }
  for (const { name, files } of await runGenerators(only)) {
    for (const f of files) {
      const target = resolve(ROOT, f.path);
      await mkdir(dirname(target), { recursive: true });
      const current = await readFile(target, 'utf8').catch(() => undefined);
      if (current === f.content) continue;
      await writeFile(target, f.content);
      console.log(`${name}: wrote ${f.path}`);
    }
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
