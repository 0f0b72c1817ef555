/**
 * STIX 2.1 bundle of the intelligence shared during an exercise: an identity per blue team, a report
 * per intelligence report (object_refs: its indicators, technique and their relationships), an
 * indicator per distinct value (pattern by kind), an attack-pattern per ATT&CK technique named (with
 * its mitre-attack external reference), `indicates` relationships, and a sighting per team and
 * indicator it was alerted to. Every object carries the official TLP 2.0 marking of what it comes
 * from; the marking-definition objects are included. Ids are UUIDv5 of the exercise and the object;
 * timestamps are the scenario's start date plus simulated time: the same log gives the same bytes.
 *
 * Scope: without a team, everything (white cell); with `team`, only what that team saw: reports it
 * sent or received and its own sightings. `maxTlp` leaves out reports marked above it. Objects marked
 * are: a report and its relationships at its TLP; an indicator at the most restrictive TLP of the
 * reports (in scope) that carry it; a sighting at its indicator's TLP but never below GREEN (a team's
 * own detections are not public); identities and attack-patterns (public facts) at CLEAR.
 * Reports and indicators are labelled `exercise` and report names start with [EXERCISE] so that a
 * threat intelligence platform never mistakes them for real intelligence.
 */
import { hasOwnKey, type ReportRt, technique as attackTechnique, TLP_LEVELS, type TlpLevel } from '../../engine/index.ts';
import { exerciseKey, maxTlp, pickText, TLP_RANK, type ExerciseRecord } from '../aar/exercise.ts';
import { buildTimeline } from '../aar/timeline.ts';
import { exerciseClock } from '../lib/timestamps.ts';
import { stixId } from './uuid.ts';
import { inferKind, KIND_LABEL, stixPattern, type ValueKind } from './stix-patterns.ts';
import { TLP2_MARKING_IDS, tlpMarkingDefinition } from './tlp2.ts';

export type StixObject = { type: string; id: string } & Record<string, unknown>;
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}
export interface StixOptions {
  team?: string;
  maxTlp?: TlpLevel;
  lang?: string;
  /**
   * What the ids are derived from. Default: the run (scenario, seed and every command), so that two
   * runs never share ids. A live feed gives something that stays the same as commands are added (the
   * exercise's id), so that an object keeps its id from one poll to the next.
   */
  idKey?: string;
}
export type StixResult = { ok: true; bundle: StixBundle } | { ok: false; message: string };

const LABELS = ['exercise', 'ramparts'];

/** ATT&CK technique URL: T1059.001 -> https://attack.mitre.org/techniques/T1059/001/ */
export const attackUrl = (id: string): string => `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;

/** The bundle for an exercise record (see the module comment for scope and markings). */
export function stixBundle(x: ExerciseRecord, options: StixOptions = {}): StixResult {
  const { state } = x;
  const lang = options.lang ?? 'en';
  const team = options.team;
  if (team !== undefined && !hasOwnKey(state.teams, team)) {
    return { ok: false, message: `no blue team "${team}" in this exercise (teams: ${Object.keys(state.teams).join(', ')})` };
  }
  const key = options.idKey ?? exerciseKey(x.log);
  const id = (type: string, k: string): string => stixId(type, key, k);
  const clock = exerciseClock(state.scenario.meta.startDate);
  const t0 = clock.iso(0);
  const mark = (l: TlpLevel): string[] => [TLP2_MARKING_IDS[l]];
  const used = new Set<TlpLevel>(['CLEAR']);
  const exercise = pickText(state.scenario.meta.title, lang);

  const reports = Object.values(state.reports)
    .filter((r) => team === undefined || r.from === team || r.to.includes(team))
    .filter((r) => options.maxTlp === undefined || TLP_RANK[r.tlp] <= TLP_RANK[options.maxTlp])
    .sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : 1));

  // Identities of the teams that appear.
  const teamsSeen = new Set<string>();
  for (const r of reports) for (const t of [r.from, ...r.to]) teamsSeen.add(t);
  if (team !== undefined) teamsSeen.add(team);
  const identity = (t: string): string => id('identity', t);

  // Indicators: one per value, first report decides creator and time, most restrictive TLP marks it;
  // the last report that carries it is when it last changed (its marking and description follow the reports).
  const kinds = new Map<string, ValueKind>();
  state.scenario.indicators.forEach((c, i) => kinds.set(state.indicators[i] as string, c.kind));
  const ind = new Map<string, { first: ReportRt; last: ReportRt; tlp: TlpLevel; reports: string[]; techniques: Set<string> }>();
  for (const r of reports) {
    for (const v of r.indicators) {
      const cur = ind.get(v);
      if (!cur) ind.set(v, { first: r, last: r, tlp: r.tlp, reports: [r.id], techniques: new Set(r.technique ? [r.technique] : []) });
      else {
        cur.last = r;
        cur.tlp = maxTlp(cur.tlp, r.tlp);
        cur.reports.push(r.id);
        if (r.technique) cur.techniques.add(r.technique);
      }
    }
  }

  // Sightings: per team in scope and indicator, every alert of the team that carried the value.
  const tl = buildTimeline(x.events);
  const seen = new Map<string, { team: string; value: string; first: number; last: number; count: number }>();
  for (const a of tl.alerts) {
    if (team !== undefined && a.team !== team) continue;
    for (const v of a.indicators) {
      if (!ind.has(v)) continue;
      const k = `${a.team}|${v}`;
      const cur = seen.get(k);
      if (!cur) seen.set(k, { team: a.team, value: v, first: a.t, last: a.t, count: 1 });
      else {
        cur.last = a.t;
        cur.count++;
      }
    }
  }
  for (const s of seen.values()) teamsSeen.add(s.team);

  const identities = [...teamsSeen].sort().map((t): StixObject => {
    const ti = state.scenario.teamIndex.get(t);
    const def = ti === undefined ? undefined : state.scenario.teams[ti];
    return {
      type: 'identity',
      spec_version: '2.1',
      id: identity(t),
      created: t0,
      modified: t0,
      name: def ? pickText(def.name, lang) : t,
      identity_class: 'organization',
      description: `Blue team ${t} of the exercise ${exercise}${def?.nation ? ` (nation ${def.nation})` : ''}.`,
      object_marking_refs: mark('CLEAR'),
    };
  });

  const techniques = new Set<string>();
  for (const r of reports) if (r.technique) techniques.add(r.technique);
  const patterns = [...techniques].sort().map((tid): StixObject => {
    const t = attackTechnique(tid);
    return {
      type: 'attack-pattern',
      spec_version: '2.1',
      id: id('attack-pattern', tid),
      created: t0,
      modified: t0,
      name: t?.name ?? tid,
      external_references: [{ source_name: 'mitre-attack', external_id: tid, url: attackUrl(tid) }],
      ...(t && t.tactics.length > 0 ? { kill_chain_phases: t.tactics.map((p) => ({ kill_chain_name: 'mitre-attack', phase_name: p })) } : {}),
      object_marking_refs: mark('CLEAR'),
    };
  });

  const indicators: StixObject[] = [];
  const relationships: StixObject[] = [];
  for (const [value, d] of [...ind.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const kind = kinds.get(value) ?? inferKind(value);
    const at = clock.iso(d.first.t);
    const changed = clock.iso(d.last.t);
    used.add(d.tlp);
    const name = `${KIND_LABEL[kind]} ${value}`;
    indicators.push({
      type: 'indicator',
      spec_version: '2.1',
      id: id('indicator', value),
      created: at,
      modified: changed,
      created_by_ref: identity(d.first.from),
      name: name.length > 250 ? `${name.slice(0, 247)}...` : name,
      description: `Shared in ${d.reports.join(', ')} during the exercise ${exercise}.`,
      indicator_types: ['malicious-activity'],
      pattern: stixPattern(kind, value),
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: at,
      labels: LABELS,
      object_marking_refs: mark(d.tlp),
    });
    for (const tid of [...d.techniques].sort()) {
      relationships.push({
        type: 'relationship',
        spec_version: '2.1',
        id: id('relationship', `${value}|indicates|${tid}`),
        created: at,
        modified: changed,
        created_by_ref: identity(d.first.from),
        relationship_type: 'indicates',
        source_ref: id('indicator', value),
        target_ref: id('attack-pattern', tid),
        object_marking_refs: mark(d.tlp),
      });
    }
  }

  const sightings: StixObject[] = [];
  for (const s of [...seen.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.team < b.team ? -1 : 1))) {
    const tlp = maxTlp((ind.get(s.value) as { tlp: TlpLevel }).tlp, 'GREEN');
    used.add(tlp);
    sightings.push({
      type: 'sighting',
      spec_version: '2.1',
      id: id('sighting', `${s.team}|${s.value}`),
      created: clock.iso(s.first),
      modified: clock.iso(s.last),
      created_by_ref: identity(s.team),
      first_seen: clock.iso(s.first),
      last_seen: clock.iso(s.last),
      count: s.count,
      sighting_of_ref: id('indicator', s.value),
      where_sighted_refs: [identity(s.team)],
      object_marking_refs: mark(tlp),
    });
  }

  const reportObjects = reports.map((r): StixObject => {
    used.add(r.tlp);
    const at = clock.iso(r.t);
    const refs = [
      ...r.indicators.map((v) => id('indicator', v)),
      ...(r.technique ? [id('attack-pattern', r.technique)] : []),
      ...(r.technique ? r.indicators.map((v) => id('relationship', `${v}|indicates|${r.technique as string}`)) : []),
    ];
    const to = r.to.map((t) => pickText(state.scenario.teams[state.scenario.teamIndex.get(t) ?? -1]?.name, lang) || t);
    return {
      type: 'report',
      spec_version: '2.1',
      id: id('report', r.id),
      created: at,
      modified: at,
      created_by_ref: identity(r.from),
      name: `[EXERCISE] ${r.title}`,
      description: `${r.text ? `${r.text}\n\n` : ''}Shared by ${r.from} with ${to.join(', ')} under TLP:${r.tlp} during the exercise ${exercise} (report ${r.id}).`,
      report_types: ['threat-report'],
      published: at,
      // A report must reference at least one object: an empty report points at its author.
      object_refs: refs.length > 0 ? [...new Set(refs)] : [identity(r.from)],
      labels: LABELS,
      object_marking_refs: mark(r.tlp),
    };
  });

  const markings = TLP_LEVELS.filter((l) => used.has(l)).map((l) => tlpMarkingDefinition(l) as unknown as StixObject);
  const objects: StixObject[] = [...markings, ...identities, ...patterns, ...indicators, ...relationships, ...sightings, ...reportObjects];
  return { ok: true, bundle: { type: 'bundle', id: id('bundle', `${team ?? '*'}|${options.maxTlp ?? '*'}`), objects } };
}

/** The bundle as a file: two-space JSON, final newline. */
export function stixJson(bundle: StixBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
