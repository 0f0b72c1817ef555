/**
 * The HTML AAR of a full flagship run, opened in Chromium: no console errors, no request but the file
 * itself, the three charts drawn (marks counted against the results), styles and scripts allowed by
 * the CSP hashes, light and dark; screenshots in test-artifacts/ (aar.png and one per chart).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aarHtml, cspHash } from '../../../interchange/index.ts';
import { d3Bundle } from '../../../native/d3-bundle.ts';
import { repoRoot } from '../helpers.ts';
import { flagship, type Flagship } from './shared.ts';
import { HANG_MS } from '../../timeouts.ts';

const ARTIFACTS = join(repoRoot, 'test-artifacts');
let f: Flagship;
let html: string;
let file: string;
let browser: Browser;

beforeAll(async () => {
  f = flagship();
  html = aarHtml(f.results, { d3: d3Bundle() });
  mkdirSync(ARTIFACTS, { recursive: true });
  file = join(ARTIFACTS, 'aar.html');
  writeFileSync(file, html);
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  problems: string[];
  requests: string[];
}

async function open(colorScheme: 'light' | 'dark'): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('html[data-charts="drawn"]', { timeout: HANG_MS });
  return { page, problems, requests };
}

describe('HTML after-action report in Chromium', () => {
  it('is one self-contained file: no external reference, a CSP that allows only its own inline script and style', () => {
    expect(html).not.toMatch(/\s(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
    expect(scripts).toHaveLength(2);
    for (const s of scripts) expect(csp).toContain(cspHash(s));
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] as string;
    expect(csp).toContain(`style-src ${cspHash(style)}`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('opens without errors or requests and draws the three charts from the results', async () => {
    const { page, problems, requests } = await open('light');
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    const counts = await page.evaluate(() => ({
      lines: document.querySelectorAll('#chart-scores-svg path.series').length,
      legend: document.querySelectorAll('#chart-scores-svg g.legend').length,
      steps: document.querySelectorAll('#chart-swimlanes-svg g.step').length,
      misses: document.querySelectorAll('#chart-swimlanes-svg g.step path.mark-miss').length,
      detections: document.querySelectorAll('#chart-swimlanes-svg g.step circle.mark-detect').length,
      lanes: document.querySelectorAll('#chart-swimlanes-svg g.lane').length,
      cells: document.querySelectorAll('#chart-heatmap-svg g.hm-row rect.cell').length,
      coloured: document.querySelectorAll('#chart-heatmap-svg g.hm-row rect.cell:not(.none)').length,
      rows: document.querySelectorAll('#chart-heatmap-svg g.hm-row').length,
      lineLength: (document.querySelector('#chart-scores-svg path.series') as SVGPathElement | null)?.getTotalLength() ?? 0,
      tableBorder: getComputedStyle(document.querySelector('td') as Element).borderTopStyle,
    }));
    const r = f.results;
    const rows = r.redSteps.flatMap((s) => s.teams.filter((t) => t.firstAttemptAt !== null || t.detectedAt !== null));
    expect(counts.lines).toBe(r.teams.length);
    expect(counts.legend).toBe(r.teams.length);
    expect(counts.lineLength).toBeGreaterThan(100);
    expect(counts.lanes).toBe(r.teams.length);
    expect(counts.steps).toBe(rows.length);
    expect(counts.misses).toBe(rows.filter((t) => t.detectedAt === null).length);
    expect(counts.detections).toBe(rows.filter((t) => t.detectedAt !== null).length);
    expect(counts.rows).toBe(r.techniques.length);
    expect(counts.cells).toBe(r.techniques.length * (r.teams.length + 1));
    expect(counts.coloured).toBe(r.techniques.reduce((n, x) => n + Object.keys(x.teams).length + 1, 0));
    expect(counts.tableBorder).toBe('solid'); // the stylesheet applied: the CSP hash matches
    // aar.png: the executive summary with its findings and the three charts.
    const top = await page.evaluate(() => (document.getElementById('executive-summary') as HTMLElement).getBoundingClientRect().top + window.scrollY);
    const bottom = await page.evaluate(() => (document.getElementById('chart-heatmap') as HTMLElement).getBoundingClientRect().bottom + window.scrollY);
    await page.screenshot({ path: join(ARTIFACTS, 'aar.png'), fullPage: true, clip: { x: 0, y: top - 16, width: 1280, height: bottom - top + 32 } });
    for (const id of ['scores', 'swimlanes', 'heatmap']) await page.locator(`#chart-${id}`).screenshot({ path: join(ARTIFACTS, `aar-${id}.png`) });
    await page.close();
  });

  it('draws the same charts in dark mode and prints without errors', async () => {
    const { page, problems } = await open('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(13, 17, 23)');
    expect(await page.locator('#chart-heatmap-svg rect.cell').count()).toBeGreaterThan(0);
    await page.locator('#chart-swimlanes').screenshot({ path: join(ARTIFACTS, 'aar-swimlanes-dark.png') });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('enforces its CSP: a script added to the file does not run', async () => {
    const tampered = join(ARTIFACTS, 'aar-tampered.html');
    writeFileSync(tampered, html.replace('</body>', '<script>document.documentElement.dataset.injected = "yes";</script></body>'));
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => problems.push(m.text()));
    await page.goto(pathToFileURL(tampered).href);
    await page.waitForSelector('html[data-charts="drawn"]', { timeout: HANG_MS });
    expect(await page.evaluate(() => document.documentElement.dataset.injected)).toBeUndefined();
    expect(problems.join('\n')).toMatch(/Content Security Policy/);
    await page.close();
  });

  it('is deterministic', () => {
    expect(aarHtml(f.results, { d3: d3Bundle() })).toBe(html);
  });
});
