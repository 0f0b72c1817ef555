/**
 * Readers for the MSEL cells that refer to the scenario (recipients, capability and task, move) or
 * carry structure (expected actions, discussion questions, the When condition), and their writers.
 * Each reader returns a value or a message for the cell; the importer adds row and column.
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { z } from 'zod';
import { type Capability, Condition, type ConditionT, type InjectT, type LocalTextT, type MoveT, type ObjectiveDef, parseDuration, type TeamT } from '../../engine/index.ts';
import { isId, slugId } from '../lib/ids.ts';
import { actionsInText, deadlineInText, EXPECTED_KINDS, type ExpectedKind } from './vocab.ts';
import { alignLines, escapeLine, type LangCells, mainText, unescapeLine } from './text.ts';

export type CapabilityT = z.infer<typeof Capability>;
export type ObjectiveDefT = z.infer<typeof ObjectiveDef>;
export type Cell<T> = { ok: true; value: T; note?: string } | { ok: false; message: string; lang?: string };

const lower = (s: string) => s.trim().toLowerCase();
const texts = (t: LocalTextT | undefined): string[] => (t === undefined ? [] : typeof t === 'string' ? [t] : Object.values(t));
const named = (t: LocalTextT | undefined, wanted: string) => texts(t).some((x) => lower(x) === lower(wanted));

const ALL_BLUE = new Set(['all', 'all blue', 'all-blue', 'all blue teams', 'all teams', 'everyone', 'all participants', 'all players']);

/** "kw; Oman CERT" -> ["kw", "om"] against the scenario's blue teams (id, name in any language, nation). */
export function readRecipients(cell: string, teams: readonly TeamT[] | undefined): Cell<InjectT['to']> {
  const tokens = cell
    .split(/[;,\n]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tokens.length === 1 && ALL_BLUE.has(lower(tokens[0]!).replace(/\s+/g, ' '))) return { ok: true, value: 'all-blue' };
  const ids: string[] = [];
  const blue = teams?.filter((t) => t.role === 'blue');
  for (const token of tokens) {
    let id: string | undefined;
    if (blue) {
      id = (blue.find((t) => lower(t.id) === lower(token)) ?? blue.find((t) => named(t.name, token)) ?? blue.find((t) => t.nation !== undefined && t.nation === token.toUpperCase()))?.id;
      if (!id) return { ok: false, message: `no blue team "${token}" in the scenario (blue teams: ${blue.map((t) => t.id).join(', ') || 'none'}); write a team id or name, or all-blue` };
    } else {
      id = isId(token) ? token : undefined;
      if (!id) return { ok: false, message: `"${token}" is not a team id; write ids like kw or om, or import with --into SCENARIO so that team names resolve` };
    }
    if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length === 0) return { ok: false, message: 'no recipient: write team ids or names separated by ";", or all-blue' };
  return { ok: true, value: ids };
}

/** Capability (by id or name) and critical task (by id or name), or an objective that names a capability. */
export function readEvaluates(
  objective: string,
  task: string,
  capabilities: readonly CapabilityT[] | undefined,
  objectives: readonly ObjectiveDefT[] | undefined,
): Cell<{ capability: string; task?: string } | undefined> {
  if (objective.trim() === '')
    return task.trim() === '' ? { ok: true, value: undefined } : { ok: false, message: 'a critical task needs its capability in the Exercise Objective / Capability column' };
  if (!capabilities) {
    if (!isId(objective.trim()) || (task.trim() !== '' && !isId(task.trim())))
      return { ok: true, value: undefined, note: `"${objective.trim()}" is not a capability id; evaluation dropped (import with --into SCENARIO to resolve capability names)` };
    return { ok: true, value: { capability: objective.trim(), ...(task.trim() ? { task: task.trim() } : {}) } };
  }
  const viaObjective = objectives?.find((o) => lower(o.id) === lower(objective) || named(o.text, objective))?.capabilities?.[0];
  const cap = capabilities.find((c) => lower(c.id) === lower(objective)) ?? capabilities.find((c) => named(c.name, objective)) ?? capabilities.find((c) => c.id === viaObjective);
  if (!cap)
    return {
      ok: true,
      value: undefined,
      note: `no capability or objective "${objective.trim()}" in the scenario (capabilities: ${capabilities.map((c) => c.id).join(', ') || 'none'}); evaluation dropped`,
    };
  if (task.trim() === '') return { ok: true, value: { capability: cap.id } };
  const t = cap.tasks.find((x) => lower(x.id) === lower(task)) ?? cap.tasks.find((x) => named(x.name, task));
  if (!t) return { ok: false, message: `capability ${cap.id} has no critical task "${task.trim()}" (tasks: ${cap.tasks.map((x) => x.id).join(', ')})` };
  return { ok: true, value: { capability: cap.id, task: t.id } };
}

/** A move by id, title, or number ("2", "Move 2", "Phase 2", "Module 2": the scenario's second move). */
export function readMove(cell: string, moves: readonly MoveT[] | undefined): Cell<string> {
  const v = cell.trim();
  if (!moves) return isId(v) ? { ok: true, value: v } : { ok: true, value: slugId(v, 'move'), note: `move "${v}" written as id ${slugId(v, 'move')}` };
  const byId = moves.find((m) => lower(m.id) === lower(v)) ?? moves.find((m) => named(m.title, v));
  if (byId) return { ok: true, value: byId.id };
  const n = /^(?:move|phase|module)?\s*(\d+)$/i.exec(v);
  const byNumber = n ? moves[Number(n[1]) - 1] : undefined;
  if (byNumber) return { ok: true, value: byNumber.id, note: `move "${v}" read as the scenario's move number ${n![1]} (${byNumber.id})` };
  return { ok: false, message: `no move "${v}" in the scenario (moves: ${moves.map((m) => m.id).join(', ') || 'none'})` };
}

/** The When cell: a condition in YAML, e.g. `stepSucceeded: encrypt` or `{ notAnswered: { inject: i1, within: 30m } }`. */
export function readCondition(cell: string): Cell<ConditionT> {
  let value: unknown;
  try {
    value = parseYaml(cell);
  } catch (error) {
    return { ok: false, message: `not a condition: ${(error as Error).message.split('\n')[0]}; write e.g. stepSucceeded: STEP or { notAnswered: { inject: ID, within: 30m } }` };
  }
  const parsed = Condition.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, message: `not a condition: ${at}${issue.message}; write e.g. stepSucceeded: STEP, stepDetected: STEP, scoreBelow: 40 or { notAnswered: { inject: ID, within: 30m } }` };
  }
  return { ok: true, value: parsed.data };
}

export function writeCondition(c: ConditionT): string {
  return stringifyYaml(c, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

const STRUCTURED = /^([a-z-]+)\s+within\s+(\S+?)(?::\s?(.*))?$/;
type Expected = NonNullable<NonNullable<InjectT['evaluation']>['expects']>[number];

function structured(line: string): { action: ExpectedKind; within: string; text?: string } | undefined {
  const m = STRUCTURED.exec(line);
  if (!m || !EXPECTED_KINDS.includes(m[1] as ExpectedKind) || !parseDuration(m[2]!).ok) return undefined;
  return { action: m[1] as ExpectedKind, within: m[2]!, ...(m[3] !== undefined && m[3] !== '' ? { text: unescapeLine(m[3]) } : {}) };
}

/**
 * Expected actions: one per line, `ACTION within DURATION: description` as Ramparts writes them, or
 * free text from which the actions are recognised ("Isolate the host and report to the ministry
 * within 1 hour" -> isolate and sitrep, within 1h; `defaultDeadline` when no deadline is written).
 */
export function readExpects(main: string, langs: LangCells, defaultDeadline: string): Cell<Expected[] | undefined> {
  const aligned = alignLines(main, langs);
  if (!aligned.ok) return { ok: false, lang: aligned.lang, message: aligned.message };
  if (aligned.lines.length === 0) return { ok: true, value: undefined };
  const out: Expected[] = [];
  for (const line of aligned.lines) {
    const s = structured(line.main);
    const record: Record<string, string> = {};
    for (const [lang, l] of line.langs) {
      const text = structured(l) ? structured(l)!.text : l;
      if (text !== undefined && text.trim() !== '') record[lang] = text;
    }
    const mainDesc = s ? s.text : line.main;
    let description: LocalTextT | undefined = mainDesc;
    if (Object.keys(record).length > 0) description = !langs.has('en') && mainDesc && !record.en ? { en: mainDesc, ...record } : record;
    const kinds = s ? [s.action] : actionsInText(line.main);
    const within = s ? s.within : (deadlineInText(line.main) ?? defaultDeadline);
    for (const action of kinds) out.push({ action, within, ...(description !== undefined ? { description } : {}) });
  }
  return { ok: true, value: out };
}

export function writeExpects(expects: readonly Expected[] | undefined, languages: readonly string[]): { main: string; langs: string[] } {
  const head = (e: Expected) => `${e.action} within ${e.within}`;
  const line = (e: Expected, text: string | undefined) => (text ? `${head(e)}: ${escapeLine(text)}` : head(e));
  const list = expects ?? [];
  return {
    main: list.map((e) => line(e, e.description === undefined ? undefined : mainText(e.description))).join('\n'),
    langs: languages.map((l) => {
      if (!list.some((e) => e.description !== undefined && typeof e.description !== 'string')) return '';
      return list.map((e) => line(e, e.description === undefined || typeof e.description === 'string' ? undefined : e.description[l])).join('\n');
    }),
  };
}

/** Discussion questions, one per line, aligned across language columns; a lone "\\" marks a question not given in that language. */
export function readQuestions(main: string, langs: LangCells): Cell<LocalTextT[] | undefined> {
  const aligned = alignLines(main, langs);
  if (!aligned.ok) return { ok: false, lang: aligned.lang, message: aligned.message };
  if (aligned.lines.length === 0) return { ok: true, value: undefined };
  return {
    ok: true,
    value: aligned.lines.map((line) => {
      const m = unescapeLine(line.main);
      const record = Object.fromEntries([...line.langs].map(([k, v]) => [k, v === '\\' ? '' : unescapeLine(v)]).filter(([, v]) => v !== ''));
      if (Object.keys(record).length === 0) return m;
      return !langs.has('en') && record.en === undefined ? { en: m, ...record } : record;
    }),
  };
}

export function writeQuestions(questions: readonly LocalTextT[] | undefined, languages: readonly string[]): { main: string; langs: string[] } {
  const list = questions ?? [];
  const perLanguage = list.some((q) => typeof q !== 'string');
  return {
    main: list.map((q) => escapeLine(mainText(q))).join('\n'),
    langs: languages.map((l) => (perLanguage ? list.map((q) => (typeof q === 'string' || q[l] === undefined ? '\\' : escapeLine(q[l]))).join('\n') : '')),
  };
}
