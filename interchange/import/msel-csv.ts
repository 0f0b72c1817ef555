/**
 * MSEL spreadsheet -> injects. Reads CSV (any of the encodings and separators spreadsheet programs
 * save) or rows from a workbook, matches the columns of the HSEEP, CISA, Crucible and MITRE templates
 * and planners' variants by meaning (msel/synonyms.ts), resolves teams, capabilities and moves against
 * the scenario the injects go into, and accounts for every cell: a cell is imported, or its column is
 * named in a warning (not imported, or filled in by default), or it is an error at its row and column.
 */
import type { InjectT } from '../../engine/index.ts';
import type { MselContext } from './msel-context.ts';

export { mselContext, type MselContext } from './msel-context.ts';
import { type Diagnostic, type ImportResult, result } from '../lib/diagnostics.ts';
import { IdAllocator } from '../lib/ids.ts';
import { type HeaderMap, matchHeaders, type MselField } from '../msel/columns.ts';
import type { DateOrder } from '../msel/time.ts';
import { readTimeColumn, type Resolved, resolveTime, scenarioZone, timeReference } from '../msel/times.ts';
import { checkText, csvRows, type Delimiter, detectDelimiter, type SheetRow } from '../msel/csv-text.ts';
import { readRow } from './msel-row.ts';
import { isZip } from '../msel/encoding.ts';
import { readWorkbook } from '../msel/xlsx.ts';

export interface MselImportOptions {
  context?: MselContext;
  /** Deadline of expected actions read from free text without one (default 30m). */
  defaultDeadline?: string;
  /** Field separator; by default sniffed among comma, semicolon, tab and "|". */
  delimiter?: Delimiter;
  /** Sender when the sheet has no From column or the cell is empty (default "Exercise Control"). */
  defaultFrom?: string;
  /** How to read numeric dates such as 09/03/2027; required when a sheet has one that reads both ways. */
  dateOrder?: DateOrder;
}

/** Injects and, for each, the sheet row it came from (so that later errors can point at the row). */
export type MselImportResult = ImportResult<InjectT[]> & { rows?: number[] };

/**
 * Imports an MSEL from CSV: text, or the file's bytes (the encoding is then detected). Blank rows are
 * skipped; every other row becomes one inject or one or more errors. Never throws.
 */
export function importMselCsv(input: string | Uint8Array, options: MselImportOptions = {}): MselImportResult {
  const checked = checkText(input);
  if (!checked.ok) return { ok: false, diagnostics: [checked.error] };
  const diagnostics: Diagnostic[] = [...checked.notes];
  const delimiter = options.delimiter ?? detectDelimiter(checked.text);
  if (delimiter !== ',' && !options.delimiter) diagnostics.push({ severity: 'note', message: `fields read as separated by ${delimiter === '\t' ? 'tabs' : `"${delimiter}"`}` });
  const rows = csvRows(checked.text, delimiter);
  if (!rows.ok) return { ok: false, diagnostics: [...diagnostics, rows.error] };
  return importMselRows(rows.rows, options, diagnostics);
}

/**
 * Imports an MSEL from a file's bytes: an .xlsx workbook (the sheet named by `sheet`, else the first
 * whose name says MSEL, else the first) or CSV in any encoding the sheet was saved in.
 */
export function importMsel(bytes: Uint8Array, options: MselImportOptions & { sheet?: string } = {}): MselImportResult {
  if (!isZip(bytes)) return importMselCsv(bytes, options);
  const book = readWorkbook(bytes, options.sheet);
  if (!book.ok) return { ok: false, diagnostics: [{ severity: 'error', message: book.message }] };
  const note: Diagnostic[] =
    book.sheets.length > 1 ? [{ severity: 'note', message: `read sheet "${book.sheet}" of ${book.sheets.length} (${book.sheets.join(', ')}); choose another with --sheet NAME` }] : [];
  return importMselRows(book.rows, options, note);
}

/** Imports an MSEL from rows of cells (a CSV file's or a workbook sheet's), the first being the header. */
export function importMselRows(rows: readonly SheetRow[], options: MselImportOptions = {}, diagnostics: Diagnostic[] = []): MselImportResult {
  const header = rows[0];
  if (!header) return { ok: false, diagnostics: [...diagnostics, { severity: 'error', row: 1, column: { name: '', index: 1 }, message: 'the file has no header row' }] };
  const names = header.cells.map((h) => h.trim());
  const map = matchHeaders(names);
  const col = (i: number) => ({ name: names[i] ?? '', index: i + 1 });
  const data = rows.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!checkColumns(map, names, header.line, diagnostics)) return { ok: false, diagnostics };
  const ctx = options.context ?? {};
  const skipMoves = map.fields.has('move') && ctx.moves !== undefined && ctx.moves.length === 0;
  reportColumns(map, names, header.line, data, skipMoves, diagnostics);

  const times = readTimes(data, map, ctx, options, { line: header.line, names }, diagnostics);
  const ids = new IdAllocator();
  const injects: InjectT[] = [];
  const injectRows: number[] = [];
  const used = new Set<string>();
  const defaulted = new Map<MselField, number[]>();
  data.forEach((row, n) => {
    if ((row.cells.length !== names.length && row.cells.slice(names.length).some((c) => c.trim() !== '')) || row.cells.length < names.length) {
      const at = Math.min(row.cells.length, names.length);
      diagnostics.push({
        severity: 'error',
        row: row.line,
        column: col(at),
        message: `the row has ${row.cells.length} field(s) but the header has ${names.length}; check for a stray or missing separator or an unquoted comma`,
      });
      return;
    }
    const rc = { map, col, ctx, deadline: options.defaultDeadline ?? '30m', times, skipMoves, defaulted, defaultFrom: options.defaultFrom ?? 'Exercise Control', ids, used };
    const inject = readRow(row, n + 1, rc, diagnostics);
    if (inject) {
      injects.push(inject);
      injectRows.push(row.line);
    }
  });
  reportDefaults(defaulted, map, names, header.line, options, diagnostics);
  if (data.length === 0) diagnostics.push({ severity: 'warning', row: header.line, column: col(0), message: 'the file has a header but no inject rows' });
  const r = result(injects, diagnostics);
  return r.ok ? { ...r, rows: injectRows } : r;
}

const FIELD_HINT = 'an MSEL needs a message column (Message, Description or Inject) and a time column (Designated Scenario Time, Time, Delivery Time) or a When column';

function checkColumns(map: HeaderMap, names: readonly string[], line: number, diagnostics: Diagnostic[]): boolean {
  const hasContent = map.fields.has('content') || map.languages.has('content');
  const hasTime = map.fields.has('at') || map.fields.has('when');
  if (hasContent && hasTime) return true;
  const sep = names.length === 1 ? /[:^~]/.exec(names[0] ?? '')?.[0] : undefined;
  const hint = names.length === 1 ? `; the header reads as one column${sep ? ` (is the file separated by "${sep}"? use comma, semicolon, tab or "|")` : ''}` : '';
  const missing = [!hasContent ? 'message' : '', !hasTime ? 'time' : ''].filter(Boolean).join(' and ');
  diagnostics.push({ severity: 'error', row: line, column: { name: names[0] ?? '', index: 1 }, message: `no ${missing} column: ${FIELD_HINT}${hint}` });
  return false;
}

/** One warning per column whose cells are not imported, naming it and how many cells it holds. */
function reportColumns(map: HeaderMap, names: readonly string[], line: number, data: readonly SheetRow[], skipMoves: boolean, diagnostics: Diagnostic[]): void {
  const filled = (i: number) => data.filter((r) => (r.cells[i] ?? '').trim() !== '').length;
  const at = (i: number) => ({ severity: 'warning' as const, row: line, column: { name: names[i] ?? '', index: i + 1 } });
  for (const i of map.duplicates)
    diagnostics.push({ ...at(i), message: `this header repeats an earlier column; the first one is used and this column's ${filled(i)} filled cell(s) are not imported` });
  for (const i of map.ignored) {
    if (names[i] === '' && filled(i) === 0) continue;
    diagnostics.push({ ...at(i), message: `column not imported: Ramparts has no field for "${names[i]}" (${filled(i)} filled cell(s)); see the MSEL synonym table in docs/INTERCHANGE.md` });
  }
  const move = map.fields.get('move');
  if (skipMoves && move !== undefined)
    diagnostics.push({ ...at(move), message: `column not imported: the scenario has no moves (${filled(move)} filled cell(s)); add moves to the scenario to use it` });
}

const DEFAULT_WORDS: Partial<Record<MselField, string>> = { to: 'every inject goes to all blue teams', channel: 'sent by email', from: 'sent by' };

/** Fields the sheet lacks, or leaves empty in some rows, and that were filled in: one warning each. */
function reportDefaults(defaulted: ReadonlyMap<MselField, number[]>, map: HeaderMap, names: readonly string[], line: number, options: MselImportOptions, diagnostics: Diagnostic[]): void {
  const from = options.defaultFrom ?? 'Exercise Control';
  const missing: [MselField, string, string][] = [
    ['to', 'To', DEFAULT_WORDS.to!],
    ['channel', 'Delivery Method', 'every inject is sent by email'],
    ['from', 'From', `every inject comes from "${from}"`],
  ];
  for (const [field, header, words] of missing) {
    if (!map.fields.has(field) && !map.languages.has(field)) diagnostics.push({ severity: 'warning', row: line, message: `no ${header} column: ${words}` });
  }
  if (!map.fields.has('expects') && !map.languages.has('expects'))
    diagnostics.push({ severity: 'warning', row: line, message: 'no Expected Player Action column: the injects expect no action from the players' });
  for (const [field, rows] of defaulted) {
    const i = map.fields.get(field) ?? [...(map.languages.get(field)?.values() ?? [])][0] ?? 0;
    const list = rows.length > 5 ? `${rows.slice(0, 5).join(', ')}, ...` : rows.join(', ');
    const what = field === 'from' ? `sent by "${from}"` : DEFAULT_WORDS[field];
    diagnostics.push({ severity: 'warning', row: rows[0]!, column: { name: names[i] ?? '', index: i + 1 }, message: `empty in ${rows.length} row(s) (${list}): ${what}` });
  }
}

/** Every row's time cell read against the sheet's T+0, by row line. */
function readTimes(
  data: readonly SheetRow[],
  map: HeaderMap,
  ctx: MselContext,
  options: MselImportOptions,
  header: { line: number; names: readonly string[] },
  diagnostics: Diagnostic[],
): Map<number, Resolved> {
  const line = header.line;
  const out = new Map<number, Resolved>();
  const column = map.fields.get('at');
  if (column === undefined) return out;
  const texts = data.map((r) => r.cells[column] ?? '');
  const cells = readTimeColumn(texts, { local: map.timeKind === 'local', ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}) });
  const { zone, warning } = scenarioZone(ctx.startDate, ctx.timeZone);
  if (warning) diagnostics.push({ severity: 'warning', message: warning });
  const ref = timeReference(
    cells.filter((c, i) => texts[i]!.trim() !== '' && c.ok),
    ctx.startDate,
    zone,
  );
  const wallClock = cells.some((c) => c.ok && c.kind !== 'offset');
  if (wallClock && ref.fromSheet && ref.t0 !== undefined) diagnostics.push({ severity: 'note', message: 'times are wall-clock times and no scenario start date was given: the earliest one is T+0' });
  if (map.timeKind === 'local')
    diagnostics.push({
      severity: 'note',
      row: line,
      column: { name: header.names[column] ?? '', index: column + 1 },
      message: `times are the local wall clock${ctx.timeZone ? ` (${ctx.timeZone})` : ''}, counted from the exercise start (${ref.startText})`,
    });
  data.forEach((r, i) => {
    if (texts[i]!.trim() !== '') out.set(r.line, resolveTime(cells[i]!, texts[i]!.trim(), ref));
  });
  return out;
}
