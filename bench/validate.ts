/**
 * Validation speed: the bundled scenarios (the stress one above all) and a generated 10 MB
 * scenario, as JSON and as YAML. Target: under 1 s each. The value is the median wall time; the
 * note gives the median CPU time too (GC threads included), steadier when the machine is busy.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { stringify } from 'yaml';
import { validateScenarioText } from '../engine/index.ts';
import { medianMs, medianTimes, type BenchResult } from './types.ts';

export const name = 'validate';

const ROOT = new URL('../', import.meta.url);
const TARGET_MS = 1000;

/** The minimal fixture grown to at least `bytes` (in the given format) by adding generated nodes. */
export function bigScenario(bytes: number, format: 'json' | 'yaml'): { text: string; nodes: number } {
  const text = readFileSync(new URL('test/fixtures/scenarios/minimal.yaml', ROOT));
  const r = validateScenarioText(text, 'minimal.yaml');
  if (!r.ok) throw new Error('the minimal fixture must be valid');
  const s = structuredClone(r.scenario);
  const segment = s.network.segments[0]?.id ?? 'kw-corp';
  const measure = (x: unknown) => (format === 'json' ? JSON.stringify(x).length : stringify(x, { lineWidth: 0 }).length);
  let size = measure(s);
  let i = 0;
  while (size < bytes) {
    const node = {
      id: `gen-${i}`,
      name: `Generated server ${i}`,
      segment,
      kind: 'server' as const,
      os: 'Windows Server 2022',
      criticality: 1 + (i % 5),
      ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      sensors: ['edr' as const, { kind: 'av' as const, quality: 0.8 }],
      tags: ['generated', `rack-${i % 40}`],
      services: [
        { id: 'smb', port: 445, availability: 0.95 },
        { id: 'rdp', port: 3389 },
      ],
      vulnerabilities: [{ id: `CVE-2024-${10000 + (i % 1000)}`, cvss: 7.5, technique: 'T1210' }],
    };
    s.network.nodes.push(node);
    // The node's own size where it sits (under network.nodes), so that the total comes out right.
    size += format === 'json' ? JSON.stringify(node).length + 1 : stringify({ network: { nodes: [node] } }, { lineWidth: 0 }).length - 'network:\n  nodes:\n'.length;
    i++;
  }
  return { text: format === 'json' ? JSON.stringify(s) : stringify(s, { lineWidth: 0 }), nodes: i };
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const dir = new URL('scenarios/', ROOT);
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .sort()
    : [];
  if (!files.includes('stress.yaml')) out.push({ name: 'validate scenarios/stress.yaml', value: NaN, unit: 'ms', note: 'skipped: scenarios/stress.yaml does not exist yet' });
  for (const f of files.sort((a, b) => (a === 'stress.yaml' ? -1 : b === 'stress.yaml' ? 1 : 0))) {
    const bytes = readFileSync(new URL(f, dir));
    const ok = validateScenarioText(bytes, f).ok;
    const { wallMs, cpuMs } = await medianTimes(5, () => validateScenarioText(bytes, f));
    out.push({ name: `validate scenarios/${f}`, value: wallMs, unit: 'ms', target: TARGET_MS, note: `${mb(bytes.length)}, CPU ${cpuMs.toFixed(0)} ms${ok ? '' : ', INVALID'}` });
  }
  for (const [format, runs] of [
    ['json', 5],
    ['yaml', 5],
  ] as const) {
    const big = bigScenario(10_000_000, format);
    const bytes = new TextEncoder().encode(big.text);
    const ok = validateScenarioText(bytes, `big.${format}`).ok;
    const { wallMs, cpuMs } = await medianTimes(runs, () => validateScenarioText(bytes, `big.${format}`));
    out.push({
      name: `validate a generated ${format.toUpperCase()} scenario`,
      value: wallMs,
      unit: 'ms',
      target: TARGET_MS,
      note: `${mb(bytes.length)}, ${big.nodes} nodes, CPU ${cpuMs.toFixed(0)} ms${ok ? '' : ', INVALID'}, median of ${runs}`,
    });
  }
  const oversize = new Uint8Array(17 * 1024 * 1024).fill(0x20);
  out.push({ name: 'refuse a 17 MiB file', value: await medianMs(5, () => validateScenarioText(oversize, 'huge.yaml')), unit: 'ms', target: 10 });
  return out;
}
