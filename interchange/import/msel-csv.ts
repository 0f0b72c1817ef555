/**
 * MSEL CSV -> injects. Reads the columns of the Crucible Blueprint templates (Standard, MITRE Cyber
 * Exercise Playbook, HSEEP), Ramparts' own export and common hand-made sheets (see msel/columns.ts),
 * resolves teams, capabilities and moves against the scenario the injects go into, and reports every
 * problem with its row (file line) and column.
 */
import { parse } from 'csv-parse/sync';
import { formatDuration, Inject, type InjectT, type LocalTextT, type MoveT, parseDuration, type TeamT, isRecord } from '../../engine/index.ts';
import { type Diagnostic, type ImportResult, result } from './diagnostics.ts';
import { IdAllocator, isId, slugId } from './ids.ts';
import { type HeaderMap, matchHeaders, type MselField } from '../msel/columns.ts';
import { parseDateTime, parseTimeCell, zoneOf } from '../msel/time.ts';
import { CHANNEL_LIST, readChannel, readEventType, readPriority, readTlp } from '../msel/vocab.ts';
import { readLocalText } from '../msel/text.ts';
import { type CapabilityT, type ObjectiveDefT, readCondition, readEvaluates, readExpects, readMove, readQuestions, readRecipients } from '../msel/cells.ts';
import { checkText, detectDelimiter } from './csv-text.ts';

/** What the injects refer to: the scenario they go into (teams, capabilities, moves, start date). */
export interface MselContext {
  teams?: readonly TeamT[];
  capabilities?: readonly CapabilityT[];
  objectives?: readonly ObjectiveDefT[];
  moves?: readonly MoveT[];
  /** T+0 as an ISO date-time with offset, for MSELs whose times are date-times. */
  startDate?: string;
}

export interface MselImportOptions {
  context?: MselContext;
  /** Deadline of expected actions read from free text without one (default 30m). */
  defaultDeadline?: string;
  /** Field separator; by default guessed from the header among comma, semicolon and tab. */
  delimiter?: ',' | ';' | '\t';
  /** Sender when the sheet has no From column or the cell is empty (default "Exercise Control"). */
  defaultFrom?: string;
}

type Obj = Record<string, unknown>;

/** The parts of a scenario object an MSEL refers to (leniently: the scenario need not be valid yet). */
export function mselContext(scenario: unknown): MselContext {
  if (!isRecord(scenario)) return {};
  const list = <T>(v: unknown) => (Array.isArray(v) ? (v.filter(isRecord) as T[]) : undefined);
  const meta = isRecord(scenario.meta) ? scenario.meta : {};
  const ctx: MselContext = {};
  const teams = list<TeamT>(scenario.teams);
  if (teams) ctx.teams = teams;
  ctx.capabilities = list<CapabilityT>(scenario.capabilities) ?? [];
  ctx.objectives = list<ObjectiveDefT>(scenario.objectives) ?? [];
  ctx.moves = list<MoveT>(scenario.moves) ?? [];
  if (typeof meta.startDate === 'string') ctx.startDate = meta.startDate;
  return ctx;
}

interface Row {
  line: number;
  cells: string[];
}

/** Parses CSV text into rows with their file line numbers; every failure located. */
function readRows(text: string, delimiter: string, diagnostics: Diagnostic[]): Row[] | undefined {
  try {
    const records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    // info.lines is where a record ends; a record spans one more line per line break in its fields.
    return records.map(({ record, info }) => ({ line: info.lines - record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0), cells: record }));
  } catch (error) {
    const e = error as { lines?: number; index?: number; message?: string; code?: string };
    const line = typeof e.lines === 'number' && e.lines > 0 ? e.lines : 1;
    const index = typeof e.index === 'number' ? e.index + 1 : 1;
    const why = (e.message ?? 'unreadable CSV').replace(/^[A-Za-z ]+: /, (m) => m.toLowerCase());
    // The header is not parsed yet: name the column from a plain split of the first line.
    const name = text.split(/\r?\n/, 1)[0]?.split(delimiter)[index - 1]?.replace(/^"|"$/g, '').trim() ?? '';
    diagnostics.push({ severity: 'error', row: line, column: { name, index }, message: `not valid CSV: ${why}${e.code === 'CSV_QUOTE_NOT_CLOSED' ? ' (a quoted field is never closed)' : ''}` });
    return undefined;
  }
}

/**
 * Imports an MSEL from CSV text. Blank rows are skipped; every other row becomes one inject or
 * one or more errors. Never throws.
 */
export function importMselCsv(text: string, options: MselImportOptions = {}): ImportResult<InjectT[]> {
  const diagnostics: Diagnostic[] = [];
  const checked = checkText(text);
  if (!checked.ok) return { ok: false, diagnostics: [checked.error] };
  const delimiter = options.delimiter ?? detectDelimiter(checked.text);
  if (delimiter !== ',' && !options.delimiter) diagnostics.push({ severity: 'note', message: `fields read as separated by ${delimiter === '\t' ? 'tabs' : `"${delimiter}"`}` });
  const rows = readRows(checked.text, delimiter, diagnostics);
  if (!rows) return { ok: false, diagnostics };
  const header = rows[0];
  if (!header) return { ok: false, diagnostics: [{ severity: 'error', row: 1, column: { name: '', index: 1 }, message: 'the file has no header row' }] };
  const names = header.cells.map((h) => h.trim());
  const map = matchHeaders(names);
  const col = (i: number) => ({ name: names[i] ?? '', index: i + 1 });
  if (!checkColumns(map, names, header.line, diagnostics)) return { ok: false, diagnostics };

  const ctx = options.context ?? {};
  const deadline = options.defaultDeadline ?? '30m';
  const data = rows.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const reference = timeReference(data, map, ctx, diagnostics);
  const ids = new IdAllocator();
  const injects: InjectT[] = [];
  const used = new Set<string>();
  data.forEach((row, n) => {
    if (row.cells.length !== names.length) {
      const at = Math.min(row.cells.length, names.length);
      diagnostics.push({ severity: 'error', row: row.line, column: { name: names[at] ?? '', index: at + 1 }, message: `the row has ${row.cells.length} field(s) but the header has ${names.length}; check for a stray or missing separator or an unquoted comma` });
      return;
    }
    const inject = readRow(row, n + 1, { map, col, ctx, deadline, reference, defaultFrom: options.defaultFrom ?? 'Exercise Control', ids, used }, diagnostics);
    if (inject) injects.push(inject);
  });
  if (data.length === 0) diagnostics.push({ severity: 'warning', row: header.line, column: col(0), message: 'the file has a header but no inject rows' });
  return result(injects, diagnostics);
}

const FIELD_HINT = 'an MSEL needs a message column (Message, Description or Inject) and a time column (Designated Scenario Time, Time, Delivery Time) or a When column';

function checkColumns(map: HeaderMap, names: readonly string[], line: number, diagnostics: Diagnostic[]): boolean {
  const hasContent = map.fields.has('content') || map.languages.has('content');
  const hasTime = map.fields.has('at') || map.fields.has('when');
  if (!hasContent || !hasTime) {
    const sep = names.length === 1 ? (/[|:]/.exec(names[0] ?? '')?.[0]) : undefined;
    const hint = names.length === 1 ? `; the header reads as one column${sep ? ` (is the file separated by "${sep}"? use comma, semicolon or tab)` : ''}` : '';
    const missing = [!hasContent ? 'message' : '', !hasTime ? 'time' : ''].filter(Boolean).join(' and ');
    diagnostics.push({ severity: 'error', row: line, column: { name: names[0] ?? '', index: 1 }, message: `no ${missing} column: ${FIELD_HINT}${hint}` });
    return false;
  }
  for (const i of map.duplicates) diagnostics.push({ severity: 'warning', row: line, column: { name: names[i] ?? '', index: i + 1 }, message: 'this header repeats an earlier column; the first one is used' });
  if (map.ignored.length > 0) diagnostics.push({ severity: 'note', row: line, column: { name: names[map.ignored[0]!] ?? '', index: map.ignored[0]! + 1 }, message: `column(s) not used by Ramparts: ${map.ignored.map((i) => names[i]).join(', ')}` });
  if (!map.fields.has('to')) diagnostics.push({ severity: 'warning', row: line, column: { name: '', index: 1 }, message: 'no To column: every inject goes to all blue teams' });
  return true;
}

interface Reference {
  /** Epoch ms of T+0 for date-time cells; undefined when the sheet has none. */
  t0?: number;
  offset: number;
}

/** T+0 for date-time cells: the scenario's start date, else the earliest date-time in the sheet. */
function timeReference(rows: readonly Row[], map: HeaderMap, ctx: MselContext, diagnostics: Diagnostic[]): Reference {
  const offset = ctx.startDate ? zoneOf(ctx.startDate) : 0;
  if (ctx.startDate) {
    const t0 = parseDateTime(ctx.startDate, 0);
    if (t0 !== undefined) return { t0, offset };
  }
  const column = map.fields.get('at');
  if (column === undefined) return { offset };
  let earliest: number | undefined;
  for (const r of rows) {
    const cell = r.cells[column]?.trim() ?? '';
    const t = cell === '' ? undefined : parseTimeCell(cell, offset);
    if (t?.ok && t.kind === 'datetime') earliest = earliest === undefined ? t.epochMs : Math.min(earliest, t.epochMs);
  }
  if (earliest !== undefined) diagnostics.push({ severity: 'note', message: 'times are date-times and no scenario start date was given: the earliest one is T+0' });
  return earliest === undefined ? { offset } : { t0: earliest, offset };
}

interface RowContext {
  map: HeaderMap;
  col: (i: number) => { name: string; index: number };
  ctx: MselContext;
  deadline: string;
  reference: Reference;
  defaultFrom: string;
  ids: IdAllocator;
  used: Set<string>;
}

function readRow(row: Row, n: number, rc: RowContext, diagnostics: Diagnostic[]): InjectT | undefined {
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
    const t = parseTimeCell(timeCell, rc.reference.offset);
    if (!t.ok) error('at', t.message);
    else if (t.kind === 'offset') time = t.value;
    else if (rc.reference.t0 !== undefined && t.epochMs < rc.reference.t0) error('at', `${timeCell} is before the exercise starts (T+0 is ${ctx.startDate ?? 'the earliest time in the sheet'})`);
    else time = formatDuration(t.epochMs - (rc.reference.t0 ?? t.epochMs));
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
  let channel: InjectT['channel'] = 'email';
  if (cell('channel').trim() !== '') {
    const c = readChannel(cell('channel'));
    if (c) channel = c;
    else error('channel', `"${cell('channel').trim()}" is not a delivery method Ramparts knows (${CHANNEL_LIST}; also phone call, e-mail, press, intel, ...)`);
  }
  const fromName = readLocalText(cell('from'), langs('from')) ?? rc.defaultFrom;
  const role = readLocalText(cell('fromRole'), langs('fromRole'));
  const org = readLocalText(cell('fromOrg'), langs('fromOrg'));
  const from: InjectT['from'] = { name: fromName, ...(role !== undefined ? { role } : {}), ...(org !== undefined ? { organisation: org } : {}) };

  const extra: Partial<InjectT> = {};
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
  const expects = readExpects(cell('expects'), langs('expects'), rc.deadline);
  if (!expects.ok) error('expects', expects.message, expects.lang);
  else if (expects.value) extra.expects = expects.value;
  const evaluates = readEvaluates(cell('objective'), cell('task'), ctx.capabilities, ctx.objectives);
  if (!evaluates.ok) error('task', evaluates.message);
  else {
    if (evaluates.value) extra.evaluates = evaluates.value;
    if (evaluates.note) note('objective', evaluates.note);
  }
  const questions = readQuestions(cell('questions'), langs('questions'));
  if (!questions.ok) error('questions', questions.message, questions.lang);
  else if (questions.value) extra.questions = questions.value;
  if (cell('move').trim() !== '') {
    const m = readMove(cell('move'), ctx.moves);
    if (!m.ok) error('move', m.message);
    else {
      extra.move = m.value;
      if (m.note) note('move', m.note, 'note');
    }
  }
  if (content === undefined || title === undefined || diagnostics.slice(before).some((d) => d.severity === 'error')) return undefined;
  const inject: InjectT = {
    id, title, ...(time !== undefined ? { at: time } : {}), ...(when ? { when } : {}), ...(delay !== '' ? { delay } : {}),
    to, channel, from, ...(extra.tlp ? { tlp: extra.tlp } : {}), ...(extra.priority ? { priority: extra.priority } : {}),
    ...(extra.type ? { type: extra.type } : {}), content, ...(extra.expects ? { expects: extra.expects } : {}),
    ...(extra.evaluates ? { evaluates: extra.evaluates } : {}), ...(extra.questions ? { questions: extra.questions } : {}),
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
  id: 'id', title: 'title', at: 'at', when: 'when', delay: 'delay', to: 'to', channel: 'channel', from: 'from', tlp: 'tlp',
  priority: 'priority', type: 'type', content: 'content', expects: 'expects', evaluates: 'objective', questions: 'questions', move: 'move',
};

/** A title from the message when the sheet has none: its first line, without markdown marks, at most 80 characters. */
function titleFrom(content: LocalTextT): LocalTextT {
  const one = (t: string) => {
    const line = t.split(/\r?\n/).map((l) => l.replace(/^[#>*\-\s]+/, '').trim()).find((l) => l !== '') ?? t.trim();
    return line.length > 80 ? `${line.slice(0, 77)}...` : line || 'Inject';
  };
  return typeof content === 'string' ? one(content) : Object.fromEntries(Object.entries(content).map(([k, v]) => [k, one(v)]));
}
