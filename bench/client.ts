/**
 * Web client benchmark (issue #5), in headless Chromium through playwright-core:
 * - frames per second of the controller's ground-truth map of scenarios/stress.yaml (about 2,000
 *   nodes) while it takes 100 state changes per second, each a delta made by the protocol's differ
 *   and applied by the client's store as a socket message would be (target at least 30);
 * - time until the blue console is usable: from navigation to the console drawn with its map,
 *   against the real server, median of 5 fresh loads;
 * - gzipped size of the initial JS and CSS (what index.html loads; target under 350 KB), and of
 *   everything a blue console loads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { compileScenario, createExercise, project, step, validateScenarioText, type WhiteNodeView, type WhiteView } from '../engine/index.ts';
import { diffViews, type ViewPatch } from '../protocol/delta.ts';
import type { CreateExerciseResponse } from '../protocol/rest.ts';
import { DIST, ROOT, ensureClient, launchBrowser, startE2EServer } from '../test/e2e/harness.ts';
import { operatorHeaders } from '../test/server/operator-token.ts';
import type { BenchResult } from './types.ts';

export const name = 'client';

const RATE = 100;
const SECONDS = 6;
const LOADS = 5;

const gz = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;

/** Gzipped bytes of the scripts, module preloads and stylesheets index.html loads. */
export function initialBundle(dist = DIST): { bytes: number; files: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  return { bytes: files.reduce((sum, f) => sum + gz(readFileSync(join(dist, f))), 0), files };
}

function stressWhiteView(): WhiteView {
  const file = join(ROOT, 'scenarios/stress.yaml');
  const checked = validateScenarioText(readFileSync(file, 'utf8'), file);
  if (!checked.ok) throw new Error(`scenarios/stress.yaml is invalid: ${checked.errors[0]?.message}`);
  const state = createExercise(compileScenario(checked.scenario), { mode: 'headless' });
  step(state, { type: 'start', actor: { role: 'white' } });
  step(state, { type: 'advance', to: 6 * 3_600_000, actor: { role: 'system' } });
  return project(state, { role: 'white' });
}

const INTEGRITY: WhiteNodeView['integrity'][] = ['clean', 'compromised', 'persistent', 'exfiltrated', 'encrypted', 'wiped', 'restored'];

/** `count` successive one-node changes (isolation, true state, alerts) as view patches. */
function changes(view: WhiteView, count: number): ViewPatch[] {
  const out: ViewPatch[] = [];
  let current = view;
  for (let k = 0; k < count; k++) {
    const i = (k * 7919) % current.nodes.length;
    const node = current.nodes[i] as WhiteNodeView;
    const changed: WhiteNodeView =
      k % 3 === 0
        ? { ...node, network: node.network === 'isolated' ? 'connected' : 'isolated', isolated: node.network !== 'isolated' }
        : k % 3 === 1
          ? { ...node, integrity: INTEGRITY[(INTEGRITY.indexOf(node.integrity) + 1) % INTEGRITY.length] as WhiteNodeView['integrity'] }
          : { ...node, alerts: node.alerts + 1 };
    const nodes = current.nodes.slice();
    nodes[i] = changed;
    const next = { ...current, nodes, clock: { ...current.clock, t: current.clock.t + 1000 } };
    out.push(diffViews(current, next));
    current = next;
  }
  return out;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

async function mapFps(): Promise<BenchResult[]> {
  const out = await mkdtemp(join(tmpdir(), 'ramparts-bench-'));
  try {
    await build({
      configFile: false,
      root: join(ROOT, 'bench/client'),
      plugins: [react()],
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: out, emptyOutDir: true, rollupOptions: { input: join(ROOT, 'bench/client/map-bench.html') } },
    });
    const view = stressWhiteView();
    writeFileSync(join(out, 'view.json'), JSON.stringify(view));
    writeFileSync(join(out, 'deltas.json'), JSON.stringify(changes(view, RATE * (SECONDS + 2))));
    const browser = await launchBrowser();
    try {
      const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
      await page.route('http://bench.local/**', async (route) => {
        const path = new URL(route.request().url()).pathname;
        const body = await readFile(join(out, path === '/' ? 'map-bench.html' : path));
        await route.fulfill({ body, contentType: TYPES[extname(path)] ?? 'application/octet-stream' });
      });
      await page.goto('http://bench.local/map-bench.html');
      const nodes = await page.evaluate(() => window.bench.ready);
      await page.waitForSelector('canvas[data-nodes]');
      await page.evaluate(() => new Promise((done) => setTimeout(done, 1000))); // settle after the first layout
      const r = await page.evaluate(([rate, ms]) => window.bench.start(rate, ms), [RATE, SECONDS * 1000] as const);
      const fps = r.frames / (r.ms / 1000);
      return [
        {
          name: `map FPS, ${nodes} nodes, ${RATE} changes/s`,
          value: fps,
          unit: 'fps',
          target: 30,
          higherIsBetter: true,
          note: `${r.changes} changes in ${(r.ms / 1000).toFixed(1)} s; p95 frame ${r.p95FrameMs.toFixed(1)} ms, worst ${r.maxFrameMs.toFixed(0)} ms`,
        },
      ];
    } finally {
      await browser.close();
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

async function blueConsole(): Promise<BenchResult[]> {
  const env = await startE2EServer();
  const browser = await launchBrowser();
  try {
    const created = (await (
      await fetch(`${env.url}/api/exercises`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: env.url, ...operatorHeaders() },
        body: JSON.stringify({ scenario: 'stress-twelve-nations', mode: 'realtime' }),
      })
    ).json()) as CreateExerciseResponse;
    if (!created.ok) throw new Error(`cannot create the stress exercise: ${JSON.stringify(created)}`);
    const seat = created.seats.find((s) => s.role === 'blue');
    if (!seat) throw new Error('the stress scenario has no blue seat');
    const times: number[] = [];
    let bytes = 0;
    let nodes = 0;
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      const page = await context.newPage();
      const bodies: Promise<number>[] = [];
      page.on('response', (res) => {
        if (/\.(js|css)$/.test(new URL(res.url()).pathname))
          bodies.push(
            res
              .body()
              .then((b) => gz(b))
              .catch(() => 0),
          );
      });
      await page.goto(`${env.url}${seat.link}`);
      // Usable: the console is there, its map has drawn a frame, and the inbox answers a click.
      await page.waitForFunction(
        () => {
          const canvas = document.querySelector('[data-console=blue] canvas[data-nodes]');
          return canvas !== null && Number(canvas.getAttribute('data-nodes')) > 0 && document.querySelector('[data-tab=inbox]') !== null;
        },
        null,
        { timeout: 60_000, polling: 'raf' },
      );
      // The map draws on the next animation frame; the console is usable once that frame is out.
      times.push(await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))))));
      nodes = Number(await page.getAttribute('canvas[data-nodes]', 'data-nodes'));
      if (i === 0) bytes = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
      await context.close();
    }
    times.sort((a, b) => a - b);
    return [
      {
        name: `time to usable blue console (${nodes} nodes on its map)`,
        value: times[Math.floor(times.length / 2)] ?? 0,
        unit: 'ms',
        note: `median of ${LOADS} cold loads; fastest ${times[0]?.toFixed(0)} ms`,
      },
      { name: 'blue console JS+CSS (gzip, every chunk it loads)', value: bytes / 1024, unit: 'KB', target: 350 },
    ];
  } finally {
    await browser.close();
    await env.dispose();
  }
}

export async function run(): Promise<BenchResult[]> {
  await ensureClient();
  const initial = initialBundle();
  return [{ name: 'initial JS+CSS (gzip)', value: initial.bytes / 1024, unit: 'KB', target: 350, note: initial.files.join(' ') }, ...(await blueConsole()), ...(await mapFps())];
}
