/**
 * Every export of the evaluator's console, downloaded as a user would (the Export menu), and checked
 * byte for byte against `ramparts export` of the downloaded log with the same language and time zone:
 * what the browser offers is what the command line writes (consoles.test.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { main } from '../../cli/main.ts';
import { EXPORT_DOWNLOADS } from '../../protocol/index.ts';
import { HANG_MS } from '../timeouts.ts';

const WAIT = { timeout: HANG_MS };

export interface Downloaded {
  name: string;
  bytes: Buffer;
  url: URL;
}

/** Clicks each export in the console's Export menu and keeps the file and the request that made it. */
export async function downloadEveryExport(page: Page): Promise<Map<string, Downloaded>> {
  const menu = page.locator('[data-testid=exports]');
  if ((await menu.getAttribute('open')) === null) await page.click('[data-testid=exports-menu]');
  const got = new Map<string, Downloaded>();
  for (const format of EXPORT_DOWNLOADS) {
    const [download, request] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.waitForRequest((r) => r.url().includes(`/export/${format}?`), WAIT),
      page.click(`[data-testid=export-${format}]`),
    ]);
    got.set(format, { name: download.suggestedFilename(), bytes: readFileSync(await download.path()), url: new URL(request.url()) });
  }
  return got;
}

/** Each download but the log equals `ramparts export LOG --format F` (with the request's language and zone). */
export async function expectSameAsCommandLine(got: Map<string, Downloaded>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ramparts-e2e-exports-'));
  try {
    const log = got.get('log')!;
    expect(log.name).toMatch(/\.log\.jsonl$/);
    const logFile = join(dir, log.name);
    writeFileSync(logFile, log.bytes);
    for (const format of EXPORT_DOWNLOADS.filter((f) => f !== 'log')) {
      const { name, bytes, url } = got.get(format)!;
      const lang = url.searchParams.get('lang') ?? 'en';
      const tz = url.searchParams.get('tz');
      const out = join(dir, `cli-${format}`);
      const io = { out: () => undefined, err: () => undefined, isTTY: false };
      const args = ['export', logFile, '--format', format, '--lang', lang, ...(tz && format.startsWith('aar-') ? ['--tz', tz] : []), '-o', out];
      expect(await main(args, io), format).toBe(0);
      expect(bytes.equals(readFileSync(out)), `${format} (${name}) differs from ramparts ${args.join(' ')}`).toBe(true);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
