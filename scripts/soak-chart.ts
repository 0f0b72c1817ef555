/**
 * Draws the soak test's memory samples (test-artifacts/hostile/soak-memory.json: RSS and live heap
 * after a full collection, every second of a long high-speed exercise) as an SVG line chart for
 * RELIABILITY.md: `node bin/run-ts.mjs scripts/soak-chart.ts [OUT.svg]` (default docs/soak-memory.svg).
 * d3's scales and line generator work without a DOM, so the SVG is written as text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extent, max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

interface Sample {
  t: number;
  rssMB: number;
  heapUsedMB: number;
}
interface Soak {
  scenario: string;
  speed: number;
  simHours: number;
  durationS: number;
  commands: number;
  samples: Sample[];
}

const root = resolve(import.meta.dirname, '..');
const soak = JSON.parse(readFileSync(resolve(root, 'test-artifacts/hostile/soak-memory.json'), 'utf8')) as Soak;
const out = resolve(root, process.argv[2] ?? 'docs/soak-memory.svg');

const W = 720;
const H = 300;
const m = { top: 36, right: 140, bottom: 40, left: 52 };
const [t0, t1] = extent(soak.samples, (s) => s.t / 1000) as [number, number];
const x = scaleLinear()
  .domain([t0, t1])
  .range([m.left, W - m.right]);
const y = scaleLinear()
  .domain([0, (max(soak.samples, (s) => s.rssMB) ?? 1) * 1.1])
  .nice()
  .range([H - m.bottom, m.top]);
const series = [
  { name: 'RSS', color: '#4e79a7', value: (s: Sample) => s.rssMB },
  { name: 'live heap after GC', color: '#e15759', value: (s: Sample) => s.heapUsedMB },
];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const parts: string[] = [];
parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`);
parts.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
parts.push(
  `<text x="${m.left}" y="20" font-size="14" font-weight="bold">${esc(`Server memory, ${soak.scenario} at ${soak.speed}x for ${Math.round(soak.durationS)} s (${soak.simHours} simulated hours, ${soak.commands} commands)`)}</text>`,
);
for (const v of y.ticks(6)) {
  parts.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
  parts.push(`<text x="${m.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
}
for (const v of x.ticks(8)) parts.push(`<text x="${x(v)}" y="${H - m.bottom + 16}" text-anchor="middle">${v}</text>`);
parts.push(`<text x="${(m.left + W - m.right) / 2}" y="${H - 6}" text-anchor="middle">seconds of wall time</text>`);
parts.push(`<text transform="translate(14 ${(m.top + H - m.bottom) / 2}) rotate(-90)" text-anchor="middle">MB</text>`);
for (const s of series) {
  const path =
    line<Sample>()
      .x((d) => x(d.t / 1000))
      .y((d) => y(s.value(d)))(soak.samples) ?? '';
  parts.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
  const last = soak.samples[soak.samples.length - 1] as Sample;
  parts.push(`<text x="${W - m.right + 6}" y="${y(s.value(last)) + 4}" fill="${s.color}">${esc(s.name)}</text>`);
}
parts.push('</svg>');
writeFileSync(out, `${parts.join('\n')}\n`);
console.log(`wrote ${out}`);
