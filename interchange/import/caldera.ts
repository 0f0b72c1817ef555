/**
 * CALDERA adversary profile -> red campaign. The profile's `atomic_ordering` (or the older `phases`)
 * lists ability ids in the order CALDERA runs them on one agent; each becomes a step that requires the
 * previous one and acts on the same nodes (`sameAs`), so the campaign replays the operation's chain.
 */
import { type Document, parseAllDocuments, visit } from 'yaml';
import { Campaign, type CampaignT, type StepT, type TargetSelectorT, isRecord } from '../../engine/index.ts';
import { type Diagnostic, type ImportResult, result } from '../lib/diagnostics.ts';
import { IdAllocator, slugId } from '../lib/ids.ts';
import { resolveTechnique, stepTactic, tacticShortname } from './techniques.ts';
import { stepDefaults } from './step-defaults.ts';

export interface TextFile {
  file: string;
  text: string;
}

export interface CalderaOptions {
  /** Campaign id (default: from the adversary's name). */
  campaignId?: string;
  /** Target of the first step (default: one node, picked by the red RNG); later steps follow it. */
  target?: TargetSelectorT;
  /** When the first step may start (default 15m). */
  start?: string;
}

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** Where the first alias without an anchor is (else the first alias): what a failed toJS is about. */
function aliasOffset(doc: Document): number | undefined {
  let unresolved: number | undefined;
  let first: number | undefined;
  visit(doc, {
    Alias: (_, node) => {
      first ??= node.range?.[0];
      if (node.resolve(doc) !== undefined) return undefined;
      unresolved = node.range?.[0];
      return visit.BREAK;
    },
  });
  return unresolved ?? first;
}

function parseYaml(f: TextFile, diagnostics: Diagnostic[]): unknown[] {
  const docs = parseAllDocuments(f.text);
  const list = Array.isArray(docs) ? docs : [docs];
  const out: unknown[] = [];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0];
      diagnostics.push({ severity: 'error', file: f.file, message: `not valid YAML${line ? ` at line ${line.line}, column ${line.col}` : ''}: ${err.message.split('\n')[0]}` });
      return [];
    }
    try {
      out.push(doc.toJS({ maxAliasCount: 100 }));
    } catch (error) {
      // yaml reports some problems only when building the value, by throwing: an alias whose anchor is
      // missing, aliases that expand to too much (a "bomb"), nesting deeper than its recursion goes.
      const deep = error instanceof RangeError;
      const offset = deep ? undefined : aliasOffset(doc);
      const before = offset === undefined ? undefined : f.text.slice(0, offset);
      const where = before === undefined ? '' : ` at line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
      diagnostics.push({ severity: 'error', file: f.file, message: `not valid YAML${where}: ${deep ? 'nested too deeply' : (error as Error).message.split('\n')[0]}` });
      return [];
    }
  }
  return out;
}

/** Ability ids in run order, from `atomic_ordering` or the older `phases: {1: [...], 2: [...]}`. */
function ordering(adv: Obj): unknown[] | undefined {
  if (Array.isArray(adv.atomic_ordering)) return adv.atomic_ordering;
  if (isRecord(adv.phases)) {
    return Object.keys(adv.phases)
      .sort((a, b) => Number(a) - Number(b))
      .flatMap((k) => {
        const phase = (adv.phases as Obj)[k];
        return Array.isArray(phase) ? phase : [];
      });
  }
  return undefined;
}

function techniqueOf(ability: Obj): { id?: string; name?: string } {
  const t = isRecord(ability.technique) ? ability.technique : {};
  const attack = isRecord(ability.attack) ? ability.attack : {};
  const id = str(ability.technique_id) ?? str(t.attack_id) ?? str(t.technique_id) ?? str(attack.technique_id);
  const name = str(ability.technique_name) ?? str(t.name) ?? str(attack.technique_name);
  return { ...(id ? { id } : {}), ...(name ? { name } : {}) };
}

/**
 * Imports a CALDERA adversary profile with its abilities (each file: one ability or a YAML list of them).
 * Errors name the file and the ability id; unknown techniques skip the step with a warning.
 */
export function importCaldera(adversary: TextFile, abilityFiles: readonly TextFile[], options: CalderaOptions = {}): ImportResult<CampaignT> {
  const diagnostics: Diagnostic[] = [];
  const adv = parseYaml(adversary, diagnostics)[0];
  if (!isRecord(adv)) {
    if (diagnostics.length === 0) diagnostics.push({ severity: 'error', file: adversary.file, message: 'not a CALDERA adversary profile (expected a mapping with id, name and atomic_ordering)' });
    return { ok: false, diagnostics };
  }
  const order = ordering(adv);
  if (!order || order.length === 0) {
    diagnostics.push({ severity: 'error', file: adversary.file, object: str(adv.id), message: 'the adversary has no atomic_ordering (or phases) listing its abilities' });
    return { ok: false, diagnostics };
  }
  const abilities = new Map<string, { ability: Obj; file: string }>();
  for (const f of abilityFiles) {
    for (const doc of parseYaml(f, diagnostics)) {
      for (const a of Array.isArray(doc) ? doc : [doc]) {
        const id = isRecord(a) ? str(a.id) : undefined;
        if (isRecord(a) && id) abilities.set(id, { ability: a, file: f.file });
      }
    }
  }
  const ids = new IdAllocator();
  const steps: StepT[] = [];
  const advName = str(adv.name) ?? str(adv.id) ?? 'CALDERA adversary';
  order.forEach((entry, index) => {
    const abilityId = typeof entry === 'string' ? entry.trim() : isRecord(entry) ? str(entry.ability_id) : undefined;
    const found = abilityId ? abilities.get(abilityId) : undefined;
    if (!abilityId || !found) {
      diagnostics.push({
        severity: 'error',
        file: adversary.file,
        object: abilityId ?? `atomic_ordering[${index}]`,
        message: `step ${index + 1}: no ability with this id among the ability files given (look in the abilities folder or pass --abilities DIR)`,
      });
      return;
    }
    const { ability, file } = found;
    const tech = techniqueOf(ability);
    const match = resolveTechnique(tech.id, tech.name);
    const name = str(ability.name) ?? abilityId;
    if (!match) {
      diagnostics.push({
        severity: 'warning',
        file,
        object: abilityId,
        message: `"${name}": ${tech.id ? `technique "${tech.id}" is not in ATT&CK Enterprise v18.1` : 'no technique id'}; step ${index + 1} skipped`,
      });
      return;
    }
    if (match.message) diagnostics.push({ severity: match.severity ?? 'note', file, object: abilityId, message: match.message });
    const given = str(ability.tactic);
    const tactic = stepTactic(match.technique, given);
    if (given && tacticShortname(given) !== tactic) {
      diagnostics.push({ severity: 'note', file, object: abilityId, message: `tactic "${given}" is not one of ${match.technique.id}'s; using ${tactic}` });
    }
    const d = stepDefaults(match.technique, tactic);
    const prev = steps.at(-1);
    const description = str(ability.description);
    steps.push({
      id: ids.take(slugId(name, `step-${index + 1}`)),
      name,
      technique: match.technique.id,
      tactic,
      ...(description ? { description } : {}),
      target: prev ? { sameAs: prev.id } : (options.target ?? { pick: 1 }),
      ...(prev ? { requires: [prev.id] } : {}),
      timing: prev ? { after: '2m', jitter: '3m', duration: d.duration } : { at: options.start ?? '15m', duration: d.duration },
      success: { base: d.success },
      detection: d.detection,
      effects: d.effects,
      retry: d.retry,
    });
  });
  if (steps.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({ severity: 'error', file: adversary.file, object: str(adv.id), message: 'no ability of the adversary maps to an ATT&CK technique; nothing to import' });
  }
  const description = str(adv.description);
  const campaign: CampaignT = {
    id: options.campaignId ?? slugId(advName, 'caldera'),
    name: advName,
    actor: `CALDERA adversary "${advName}"`,
    ...(description ? { description } : {}),
    mode: 'scripted',
    steps,
  };
  return checked(campaign, diagnostics, adversary.file);
}

/** Last guard: the campaign must satisfy the schema; a failure here is reported, never thrown. */
export function checked(campaign: CampaignT, diagnostics: Diagnostic[], file: string): ImportResult<CampaignT> {
  if (!diagnostics.some((d) => d.severity === 'error')) {
    const parsed = Campaign.safeParse(campaign);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        diagnostics.push({ severity: 'error', file, object: campaign.id, message: `campaigns.${issue.path.join('.')}: ${issue.message}` });
      }
    }
  }
  return result(campaign, diagnostics);
}
