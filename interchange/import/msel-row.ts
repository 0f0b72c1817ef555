/**
 * One MSEL row -> one inject, or the errors of its cells. Every field read from its column by the
 * header map; what a row leaves empty and the importer fills in is counted for the sheet's warnings.
 */
import { Inject, type InjectEvaluationT, type InjectT, type LocalTextT, parseDuration } from '../../engine/index.ts';
import type { Diagnostic } from '../lib/diagnostics.ts';
import { type IdAllocator, isId, slugId } from '../lib/ids.ts';
import type { HeaderMap, MselField } from '../msel/columns.ts';
import type { Resolved } from '../msel/times.ts';
import { CHANNEL_LIST, readChannel, readEventType, readPriority, readTlp } from '../msel/vocab.ts';
import { readLocalText } from '../msel/text.ts';
import { readCondition, readEvaluates, readExpects, readMove, readQuestions, readRecipients } from '../msel/cells.ts';
import type { SheetRow } from '../msel/csv-text.ts';
import type { MselContext } from './msel-context.ts';

export interface RowContext {
  map: HeaderMap;
  col: (i: number) => { name: string; index: number };
  ctx: MselContext;
  deadline: string;
  /** The time cell of each row, already read against the sheet's T+0 (by row line). */
  times: ReadonlyMap<number, Resolved>;
  /** The scenario has no moves: Move cells are reported once for the sheet, not per row. */
  skipMoves: boolean;
  /** Fields left empty in a row and filled in, with the rows: the sheet's warnings name them. */
  defaulted: Map<MselField, number[]>;
  defaultFrom: string;
  ids: IdAllocator;
  used: Set<string>;
}

export function readRow(row: SheetRow, n: number, rc: RowContext, diagnostics: Diagnostic[]): InjectT | undefined {
  const { map, col, ctx } = rc;
  const before = diagnostics.length;
  const cell = (f: MselField) => (map.fields.has(f) ? (row.cells[map.fields.get(f)!] ?? '') : '');
  const langs = (f: MselField) => new Map([...(map.languages.get(f) ?? [])].map(([l, i]) => [l, row.cells[i] ?? '']));
  const at = (f: MselField, lang?: string) => {
    const i = lang !== undefined ? map.languages.get(f)?.get(lang) : map.fields.get(f);
    return i === undefined ? { name: '', index: 1 } : col(i);
  };
  const error = (f: MselField, message: string, lang?: string) => diagnostics.push({ severity: 'error', row: row.line, column: at(f, lang), message });
  const note = (f: MselField, message: string, severity: 'warning' | 'note' = 'warning') => diagnostics.push({ severity, row: row.line, column: at(f), message });

  // Id: kept as written when it is a valid id, so that a round trip keeps it.
  const rawId = cell('id').trim();
  let id = rawId;
  if (rawId === '') id = rc.ids.take(`inject-${n}`);
  else if (!isId(rawId)) {
    id = rc.ids.take(slugId(rawId, `inject-${n}`));
    note('id', `"${rawId}" is not an id; written as ${id}`, 'note');
  } else if (rc.used.has(rawId)) error('id', `event number ${rawId} appears twice; give each inject its own`);
  else rc.ids.take(rawId);
  rc.used.add(id);

  const details = cell('details').trim();
  const contentMain = details !== '' && map.fields.get('details') !== map.fields.get('content') && cell('content').trim() !== '' ? `${cell('content')}\n\n${details}` : cell('content') || details;
  const content = readLocalText(contentMain, langs('content'));
  if (content === undefined) error('content', 'the message is empty: every inject needs the text its recipients read');
  const title = readLocalText(cell('title'), langs('title')) ?? (content !== undefined ? titleFrom(content) : undefined);

  let time: string | undefined;
  const timeCell = cell('at').trim();
  if (timeCell !== '') {
    const t = rc.times.get(row.line);
    if (!t) error('at', `"${timeCell}" is not a time`);
    else if (!t.ok) error('at', t.message);
    else {
      time = t.value;
      if (t.warning) note('at', t.warning);
    }
  }
  let when: InjectT['when'];
  if (cell('when').trim() !== '') {
    const c = readCondition(cell('when'));
    if (c.ok) when = c.value;
    else error('when', c.message);
  }
  if (timeCell === '' && cell('when').trim() === '') error(map.fields.has('at') ? 'at' : 'when', 'no time and no condition: give the time from T+0 (e.g. 1h30m) or a When condition');
  let delay = cell('delay').trim();
  if (delay !== '' && !parseDuration(delay).ok) {
    error('delay', `"${delay}" is not a duration; write it like 5m or 1h`);
    delay = '';
  }

  let to: InjectT['to'] = 'all-blue';
  if (map.fields.has('to')) {
    const r = cell('to').trim() === '' ? undefined : readRecipients(cell('to'), ctx.teams);
    if (!r) error('to', 'no recipient: write team ids or names separated by ";", or all-blue');
    else if (r.ok) to = r.value;
    else error('to', r.message);
  }
  const defaulted = (f: MselField) => rc.defaulted.set(f, [...(rc.defaulted.get(f) ?? []), row.line]);
  let channel: InjectT['channel'] = 'email';
  if (map.fields.has('channel') && cell('channel').trim() === '') defaulted('channel');
  if (cell('channel').trim() !== '') {
    const c = readChannel(cell('channel'));
    if (c) channel = c;
    else error('channel', `"${cell('channel').trim()}" is not a delivery method Ramparts knows (${CHANNEL_LIST}; also phone call, e-mail, press, intel, ...)`);
  }
  const fromText = readLocalText(cell('from'), langs('from'));
  if ((map.fields.has('from') || map.languages.has('from')) && fromText === undefined) defaulted('from');
  const fromName = fromText ?? rc.defaultFrom;
  const role = readLocalText(cell('fromRole'), langs('fromRole'));
  const org = readLocalText(cell('fromOrg'), langs('fromOrg'));
  const from: InjectT['from'] = { name: fromName, ...(role !== undefined ? { role } : {}), ...(org !== undefined ? { organisation: org } : {}) };

  const extra: Partial<InjectT> = {};
  const evaluation: InjectEvaluationT = {};
  if (cell('tlp').trim() !== '') {
    const t = readTlp(cell('tlp'));
    if (!t) error('tlp', `"${cell('tlp').trim()}" is not a TLP level; write CLEAR, GREEN, AMBER, AMBER+STRICT or RED`);
    else {
      extra.tlp = t.tlp;
      if (t.renamed) note('tlp', 'TLP:WHITE (TLP 1.0) read as TLP:CLEAR', 'note');
    }
  }
  if (cell('priority').trim() !== '') {
    const p = readPriority(cell('priority'));
    if (!p) error('priority', `"${cell('priority').trim()}" is not a priority; write routine, priority, immediate or flash`);
    else extra.priority = p;
  }
  if (cell('type').trim() !== '') {
    const t = readEventType(cell('type'));
    if (!t) error('type', `"${cell('type').trim()}" is not an event type; write Inject, Contingency Inject or Expected Action`);
    else extra.type = t;
  }
  // The evaluators' columns (MSEL_AUDIENCE) fill the inject's evaluation, which players never see.
  const expects = readExpects(cell('expects'), langs('expects'), rc.deadline);
  if (!expects.ok) error('expects', expects.message, expects.lang);
  else if (expects.value) evaluation.expects = expects.value;
  const evaluates = readEvaluates(cell('objective'), cell('task'), ctx.capabilities, ctx.objectives);
  if (!evaluates.ok) error('task', evaluates.message);
  else {
    if (evaluates.value) Object.assign(evaluation, evaluates.value);
    if (evaluates.note) note('objective', evaluates.note);
  }
  const answer = readLocalText(cell('answer'), langs('answer'));
  if (answer !== undefined) evaluation.answer = answer;
  const rubric = readLocalText(cell('criteria'), langs('criteria'));
  if (rubric !== undefined) evaluation.rubric = rubric;
  if (Object.keys(evaluation).length > 0) extra.evaluation = evaluation;
  const questions = readQuestions(cell('questions'), langs('questions'));
  if (!questions.ok) error('questions', questions.message, questions.lang);
  else if (questions.value) extra.questions = questions.value;
  const asks = readQuestions(cell('asks'), langs('asks'));
  if (!asks.ok) error('asks', asks.message, asks.lang);
  else if (asks.value) extra.asks = asks.value;
  if (cell('move').trim() !== '' && !rc.skipMoves) {
    const m = readMove(cell('move'), ctx.moves);
    if (!m.ok) error('move', m.message);
    else {
      extra.move = m.value;
      if (m.note) note('move', m.note, 'note');
    }
  }
  if (content === undefined || title === undefined || diagnostics.slice(before).some((d) => d.severity === 'error')) return undefined;
  const inject: InjectT = {
    id,
    title,
    ...(time !== undefined ? { at: time } : {}),
    ...(when ? { when } : {}),
    ...(delay !== '' ? { delay } : {}),
    to,
    channel,
    from,
    ...(extra.tlp ? { tlp: extra.tlp } : {}),
    ...(extra.priority ? { priority: extra.priority } : {}),
    ...(extra.type ? { type: extra.type } : {}),
    content,
    ...(extra.questions ? { questions: extra.questions } : {}),
    ...(extra.asks ? { asks: extra.asks } : {}),
    ...(extra.evaluation ? { evaluation: extra.evaluation } : {}),
    ...(extra.move ? { move: extra.move } : {}),
  };
  const parsed = Inject.safeParse(inject);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF_KEY[String(issue.path[0])] ?? 'content';
      error(field, `${issue.path.join('.')}: ${issue.message}`);
    }
    return undefined;
  }
  return inject;
}

const FIELD_OF_KEY: Record<string, MselField> = {
  id: 'id',
  title: 'title',
  at: 'at',
  when: 'when',
  delay: 'delay',
  to: 'to',
  channel: 'channel',
  from: 'from',
  tlp: 'tlp',
  priority: 'priority',
  type: 'type',
  content: 'content',
  evaluation: 'expects',
  questions: 'questions',
  asks: 'asks',
  move: 'move',
};

/** A title from the message when the sheet has none: its first line, without markdown marks, at most 80 characters. */
function titleFrom(content: LocalTextT): LocalTextT {
  const one = (t: string) => {
    const line =
      t
        .split(/\r?\n/)
        .map((l) => l.replace(/^[#>*\-\s]+/, '').trim())
        .find((l) => l !== '') ?? t.trim();
    return line.length > 80 ? `${line.slice(0, 77)}...` : line || 'Inject';
  };
  return typeof content === 'string' ? one(content) : Object.fromEntries(Object.entries(content).map(([k, v]) => [k, one(v)]));
}
