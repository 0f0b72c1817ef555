/** Loading and walking the bundled scenarios for the size and content tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ConditionT, type ScenarioT, type StepT, validateScenarioText } from '../../engine/index.ts';

export const SCENARIOS_DIR = join(import.meta.dirname, '..', '..', 'scenarios');

/** Validates a bundled scenario with the real validator; fails loudly with every diagnostic. */
export function loadBundled(file: string): { scenario: ScenarioT; warnings: string[] } {
  const text = readFileSync(join(SCENARIOS_DIR, file), 'utf8');
  const r = validateScenarioText(text, file);
  const fmt = (d: { line: number; col: number; path: string; message: string }) => `${file}:${d.line}:${d.col}: ${d.path}: ${d.message}`;
  if (!r.ok) throw new Error(`${file} is invalid:\n${r.errors.map(fmt).join('\n')}`);
  return { scenario: r.scenario, warnings: r.warnings.map(fmt) };
}

export const steps = (s: ScenarioT): StepT[] => s.campaigns.flatMap((c) => c.steps);
export const blueTeams = (s: ScenarioT) => s.teams.filter((t) => t.role === 'blue');

/** The blue team a step acts against, from its selector (team, segment, nodes, or the sameAs step). */
export function stepTeam(s: ScenarioT, step: StepT): string | undefined {
  const owner = (seg: string) => s.network.segments.find((g) => g.id === seg)?.owner;
  const t = step.target;
  if (t.team) return t.team;
  if (t.segment) return owner(t.segment);
  const first = t.nodes?.[0];
  if (first) {
    const node = s.network.nodes.find((n) => n.id === first);
    return node ? owner(node.segment) : undefined;
  }
  const prev = t.sameAs ? steps(s).find((x) => x.id === t.sameAs) : undefined;
  return prev ? stepTeam(s, prev) : undefined;
}

/** Every condition kind used anywhere in the inject triggers (all/any are walked into). */
export function conditionKinds(s: ScenarioT): Set<string> {
  const out = new Set<string>();
  const walk = (c: ConditionT): void => {
    for (const k of Object.keys(c)) out.add(k);
    for (const x of [...(c.all ?? []), ...(c.any ?? [])]) walk(x);
  };
  for (const i of s.injects ?? []) if (i.when) walk(i.when);
  return out;
}

/** Languages a participant text is given in ([] for a plain string). */
export const languagesOf = (text: unknown): string[] => (text !== null && typeof text === 'object' ? Object.keys(text).sort() : []);
