/**
 * Maps a technique as foreign files write it (id, maybe old or malformed, and a name that may have
 * drifted) to an active ATT&CK v18.1 technique: by id first, a revoked id to its replacement, and by
 * exact name when the id is missing or unusable. Says what it did, so that authors can check.
 */
import { allTechniques, checkTechnique, TACTICS, technique, type Technique } from '../../engine/index.ts';

export interface TechniqueMatch {
  technique: Technique;
  /** How the id was found; anything other than `id` deserves a warning. */
  via: 'id' | 'revoked' | 'name';
  /** Human explanation of a mapping or name drift; absent when id and name agree. */
  message?: string;
  severity?: 'warning' | 'note';
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** "Parent: Sub" for sub-techniques, the plain name otherwise. */
export function fullName(t: Technique): string {
  const parent = t.parent ? technique(t.parent) : undefined;
  return parent ? `${parent.name}: ${t.name}` : t.name;
}

let nameIndex: Map<string, Technique | null> | undefined;
/** Full names always; bare sub-technique names only when no other technique shares them (null marks a clash). */
function byName(): Map<string, Technique | null> {
  if (nameIndex) return nameIndex;
  const index = new Map<string, Technique | null>();
  const bare = new Map<string, Technique | null>();
  for (const t of allTechniques()) {
    index.set(norm(fullName(t)), t);
    const key = norm(t.name);
    bare.set(key, bare.has(key) && bare.get(key)?.id !== t.id ? null : t);
  }
  for (const [key, t] of bare) if (!index.has(key)) index.set(key, t);
  nameIndex = index;
  return index;
}

/** The active technique whose (full or unambiguous short) name is exactly this, ignoring case and spacing. */
export function techniqueByName(name: string): Technique | undefined {
  return byName().get(norm(name)) ?? undefined;
}

/** `T1218/011`, ` t1059.001 ` -> `T1218.011`, `T1059.001`; anything else unchanged. */
export function normaliseTechniqueId(raw: string): string {
  const m = /^\s*(t\d{4})(?:[./](\d{3}))?\s*$/i.exec(raw);
  if (!m) return raw.trim();
  return m[2] ? `${m[1]!.toUpperCase()}.${m[2]}` : m[1]!.toUpperCase();
}

function nameNote(t: Technique, name: string | undefined): Pick<TechniqueMatch, 'message' | 'severity'> {
  if (!name || norm(name) === norm(fullName(t)) || norm(name) === norm(t.name)) return {};
  return { severity: 'note', message: `name "${name.trim()}" differs from ATT&CK v18.1 "${fullName(t)}"; mapped by id ${t.id}` };
}

/**
 * Resolves a technique; undefined when neither id nor name leads to an active technique
 * (the caller decides whether to skip the action and says so).
 */
export function resolveTechnique(rawId: string | undefined, name: string | undefined): TechniqueMatch | undefined {
  const id = rawId === undefined ? '' : normaliseTechniqueId(rawId);
  let why = '';
  if (id !== '') {
    const check = checkTechnique(id);
    if (check.status === 'active') {
      const fixed = rawId !== undefined && rawId.trim() !== id ? { message: `technique id "${rawId.trim()}" read as ${id}`, severity: 'note' as const } : {};
      return { technique: check.technique, via: 'id', ...nameNote(check.technique, name), ...fixed };
    }
    if (check.status === 'revoked' && check.replacement) {
      const r = check.replacement;
      return { technique: r, via: 'revoked', severity: 'warning', message: `${id} is revoked in ATT&CK v18.1; mapped to its replacement ${r.id} (${fullName(r)})` };
    }
    why =
      check.status === 'revoked' ? `${id} is revoked without replacement` : check.status === 'deprecated' ? `${id} is deprecated` : `"${rawId?.trim()}" is not an ATT&CK Enterprise v18.1 technique id`;
  } else {
    why = 'no technique id';
  }
  const named = name ? techniqueByName(name) : undefined;
  if (named) return { technique: named, via: 'name', severity: 'warning', message: `${why}; mapped by its name to ${named.id} (${fullName(named)})` };
  return undefined;
}

const tacticByKey = new Map<string, string>();
for (const t of TACTICS) {
  tacticByKey.set(t.shortname, t.shortname);
  tacticByKey.set(t.id.toLowerCase(), t.shortname);
  tacticByKey.set(norm(t.name).replace(/[\s_]+/g, '-'), t.shortname);
}
for (const [alias, to] of Object.entries({ c2: 'command-and-control', exfil: 'exfiltration', 'privilege-escalation': 'privilege-escalation', recon: 'reconnaissance' })) {
  tacticByKey.set(alias, to);
}

/** ATT&CK tactic shortname for a tactic id (TA0009), name (Lateral Movement) or shortname; undefined if unknown. */
export function tacticShortname(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  return tacticByKey.get(norm(raw).replace(/[\s_]+/g, '-'));
}

/** The tactic to record on a step: the given one when the technique belongs to it, else the technique's first. */
export function stepTactic(t: Technique, given: string | undefined): string {
  const wanted = tacticShortname(given);
  return wanted && t.tactics.includes(wanted) ? wanted : (t.tactics[0] ?? 'execution');
}
