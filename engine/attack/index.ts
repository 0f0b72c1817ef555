/**
 * MITRE ATT&CK Enterprise v18.1, bundled (see ATTACK-LICENSE.txt): technique ids, names, tactics and
 * STIX ids, plus revoked ids with their replacements. Built from `shared/refdata` by keeping only the
 * fields the product uses.
 */
import data from './enterprise-attack-18.1.json' with { type: 'json' };

export interface Technique {
  id: string;
  name: string;
  /** Tactic shortnames in matrix order, e.g. ["initial-access"]. */
  tactics: readonly string[];
  stixId: string;
  parent?: string;
}
export interface Tactic {
  id: string;
  shortname: string;
  name: string;
}

export const ATTACK_VERSION: string = data.version;
export const ATTACK_DOMAIN: string = data.domain;
export const TACTICS: readonly Tactic[] = data.tactics;

const techniques = new Map<string, Technique>();
for (const [id, name, tactics, stixId] of data.techniques as [string, string, string[], string][]) {
  const dot = id.indexOf('.');
  techniques.set(id, dot > 0 ? { id, name, tactics, stixId, parent: id.slice(0, dot) } : { id, name, tactics, stixId });
}
const revoked = new Map<string, string | null>(Object.entries(data.revoked as Record<string, string | null>));
const deprecated = new Set<string>(data.deprecated);
const tacticNames = new Set(TACTICS.map((t) => t.shortname));

/** The active technique with this id, or undefined. */
export function technique(id: string): Technique | undefined {
  return techniques.get(id);
}

/** Every active technique, in the bundled order. */
export function allTechniques(): IterableIterator<Technique> {
  return techniques.values();
}

export type TechniqueCheck = { status: 'active'; technique: Technique } | { status: 'revoked'; replacement: Technique | undefined } | { status: 'deprecated' } | { status: 'unknown' };

/** Says whether an id is active, revoked (and by what), deprecated, or unknown to ATT&CK v18.1. */
export function checkTechnique(id: string): TechniqueCheck {
  const t = techniques.get(id);
  if (t) return { status: 'active', technique: t };
  if (revoked.has(id)) {
    const by = revoked.get(id);
    return { status: 'revoked', replacement: by ? techniques.get(by) : undefined };
  }
  if (deprecated.has(id)) return { status: 'deprecated' };
  return { status: 'unknown' };
}

export function isTactic(shortname: string): boolean {
  return tacticNames.has(shortname);
}
