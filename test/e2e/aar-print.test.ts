/**
 * The HTML AAR/IP of the flagship run in English and Arabic, opened and printed to PDF in Chromium:
 * the page's language and direction, the charts' labels inside their chart and clear of every other
 * label and swatch (heat-map column labels, legends, lane labels), team labels whole and distinct,
 * nothing wider than the printed page. Writes test-artifacts/aar-en.{png,pdf}, aar-ar.{png,pdf} and
 * one screenshot per chart and language (aar-ar-heatmap.png, ...), for people to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aarFromLog, aarHtml } from '../../interchange/index.ts';
import { d3Bundle } from '../../native/d3-bundle.ts';
import { repoRoot } from '../interchange/helpers.ts';
import { flagship } from '../interchange/exports/shared.ts';
import { HANG_MS } from '../timeouts.ts';

const ARTIFACTS = join(repoRoot, 'test-artifacts');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close();
});

interface Box {
  what: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every label of a chart and what it must stay clear of, in page coordinates. */
async function chartBoxes(page: Page, chart: string): Promise<{ outside: string[]; labels: Box[]; swatches: Box[]; cut: string[] }> {
  return page.evaluate((id) => {
    const svg = document.getElementById(`chart-${id}-svg`) as unknown as SVGSVGElement;
    const frame = svg.getBoundingClientRect();
    const box = (e: Element, what: string) => {
      const r = e.getBoundingClientRect();
      return { what, x: r.x, y: r.y, w: r.width, h: r.height };
    };
    const texts = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '') !== '' && t.getAttribute('visibility') !== 'hidden');
    const outside = texts
      .map((t) => box(t, t.textContent ?? ''))
      .filter((b) => b.x < frame.x - 0.5 || b.y < frame.y - 0.5 || b.x + b.w > frame.x + frame.width + 0.5 || b.y + b.h > frame.y + frame.height + 0.5)
      .map((b) => b.what);
    // Cell values sit inside their cells on purpose; axis ticks are d3's own.
    const labels = texts.filter((t) => !t.classList.contains('cell-value') && !t.closest('.axis')).map((t) => box(t, t.textContent ?? ''));
    const swatches = [...svg.querySelectorAll('.swatch, rect.cell')].map((e) => box(e, `${e.tagName}.${e.getAttribute('class')}`));
    const cut = texts.filter((t) => (t.textContent ?? '').endsWith('…')).map((t) => t.textContent ?? '');
    return { outside, labels, swatches, cut };
  }, chart);
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

describe.each(['en', 'ar'])('the %s AAR/IP in Chromium and printed to PDF', (lang) => {
  let page: Page;
  beforeAll(async () => {
    const r = aarFromLog(flagship().log, { lang });
    if (!r.ok) throw new Error(r.message);
    const file = join(ARTIFACTS, `aar-${lang}.html`);
    writeFileSync(file, aarHtml(r.results, { d3: d3Bundle() }));
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-charts="drawn"]', { timeout: HANG_MS });
  });
  afterAll(async () => {
    await page?.close();
  });

  it('has the language and direction of the report', async () => {
    const doc = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: getComputedStyle(document.body).direction }));
    expect(doc).toEqual({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
  });

  it.each(['scores', 'swimlanes', 'heatmap'])('draws the %s chart with every label inside it and clear of the others', async (chart) => {
    const { outside, labels, swatches } = await chartBoxes(page, chart);
    expect(outside).toEqual([]);
    const clashes: string[] = [];
    labels.forEach((a, i) => {
      for (const b of labels.slice(i + 1)) if (overlaps(a, b)) clashes.push(`"${a.what}" over "${b.what}"`);
      for (const s of swatches) if (overlaps(a, s)) clashes.push(`"${a.what}" over ${s.what}`);
    });
    expect(clashes).toEqual([]);
    await page.locator(`#chart-${chart}`).screenshot({ path: join(ARTIFACTS, `aar-${lang}-${chart}.png`) });
  });

  it('shows every team by a whole label of its own in the heat map', async () => {
    const { cut } = await chartBoxes(page, 'heatmap');
    const columns = await page.locator('#chart-heatmap-svg text.col-label').allTextContents();
    expect(columns.filter((c) => c.endsWith('…'))).toEqual([]);
    expect(new Set(columns).size).toBe(columns.length);
    expect(cut.filter((c) => columns.includes(c))).toEqual([]);
  });

  it('prints to A4 without anything wider than the page', async () => {
    const top = await page.evaluate(() => (document.getElementById('executive-summary') as HTMLElement).getBoundingClientRect().top + window.scrollY);
    const bottom = await page.evaluate(() => (document.getElementById('chart-heatmap') as HTMLElement).getBoundingClientRect().bottom + window.scrollY);
    await page.screenshot({ path: join(ARTIFACTS, `aar-${lang}.png`), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: bottom - top + 400 } });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 703, height: 1016 }); // A4 inside the report's 12 mm margins, at 96 dpi
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(ARTIFACTS, `aar-${lang}.pdf`), pdf);
  });
});
