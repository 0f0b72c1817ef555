/**
 * Realistic MSEL files (test/fixtures/interchange/msel, written by make_fixtures.py as Excel and Python
 * save them): a planner's semicolon/BOM/CRLF sheet with an Arabic column, each template (HSEEP, CISA,
 * Crucible Standard, MITRE), UTF-16 "Unicode Text", day-first dates, Windows-1252 and an .xlsx
 * workbook. Every non-empty cell is accounted for: imported into an inject, or its column named in a
 * warning (or its cell in an error). Nothing is lost silently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, importMsel, type MselImportOptions, type MselImportResult, mselContext, placeInjects, readWorkbook } from '../../interchange/index.ts';
import { checkText, csvRows, detectDelimiter, type SheetRow } from '../../interchange/msel/csv-text.ts';
import { matchHeaders } from '../../interchange/msel/columns.ts';
import { loadBase, repoRoot, validationErrors } from './helpers.ts';

const dir = join(repoRoot, 'test/fixtures/interchange/msel');
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const ctx = (extra: Partial<MselImportOptions> = {}): MselImportOptions => ({ context: mselContext(loadBase()), ...extra });

/** The sheet's rows as the importer sees them (header first). */
function sheetRows(name: string): SheetRow[] {
  const b = bytes(name);
  if (name.endsWith('.xlsx')) {
    const book = readWorkbook(b);
    if (!book.ok) throw new Error(book.message);
    return book.rows;
  }
  const t = checkText(b);
  if (!t.ok) throw new Error(t.error.message);
  const r = csvRows(t.text, detectDelimiter(t.text));
  if (!r.ok) throw new Error(r.error.message);
  return r.rows;
}

/** Every non-empty data cell: imported (its column mapped and its row an inject), or named by a diagnostic. */
function account(name: string, r: MselImportResult): { cells: number; imported: number; named: number; lost: string[] } {
  const [header, ...data] = sheetRows(name);
  const map = matchHeaders(header!.cells.map((c) => c.trim()));
  const mapped = new Set([...map.fields.values(), ...[...map.languages.values()].flatMap((m) => [...m.values()])]);
  const rows = new Set(r.ok ? (r.rows ?? []) : []);
  const namedColumn = (i: number, line: number) => r.diagnostics.some((d: Diagnostic) => d.column?.index === i + 1 && (d.row === header!.line || d.row === line));
  let cells = 0;
  let imported = 0;
  let named = 0;
  const lost: string[] = [];
  for (const row of data) {
    row.cells.forEach((cell, i) => {
      if (cell.trim() === '') return;
      cells++;
      if (mapped.has(i) && rows.has(row.line) && !namedColumn(i, row.line)) imported++;
      else if (namedColumn(i, row.line)) named++;
      else lost.push(`${row.line}:${i + 1} ${header!.cells[i]}`);
    });
  }
  return { cells, imported, named, lost };
}

function imported(name: string, options = ctx()) {
  const r = importMsel(bytes(name), options);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 1));
  const placed = placeInjects(loadBase(), r.value);
  expect(placed.ok && validationErrors(placed.value)).toEqual([]);
  const a = account(name, r);
  expect(a.lost).toEqual([]);
  expect(a.imported + a.named).toBe(a.cells);
  return { r, injects: r.value, a, messages: r.diagnostics.map((d) => `${d.severity} ${d.column?.name ?? ''}: ${d.message}`) };
}

describe('realistic MSEL files: every cell imported or named', () => {
  it("a planner's sheet: semicolons, BOM, CRLF, multi-line cells, an Arabic column, planner headers", () => {
    const { injects, a, messages } = imported('planner-semicolon-bom-crlf.csv');
    expect(injects.map((i) => [i.id, i.at, i.to, i.channel])).toEqual([
      ['P-01', '30m', ['kw', 'om'], 'email'],
      ['P-02', '2h45m', ['kw'], 'phone'],
      ['P-03', '1d1h', 'all-blue', 'news'],
    ]);
    expect(injects[0]).toMatchObject({
      title: 'Outage report',
      from: { name: 'Ministry of Interior' },
      content: { en: 'Payment systems at the central bank are slow.\nPlease confirm whether you see the same.', ar: 'أنظمة الدفع في البنك المركزي بطيئة.\nيرجى التأكيد.' },
    });
    expect(injects[0]!.evaluation!.expects!.map((e) => [e.action, e.within])).toEqual([
      ['acknowledge', '30m'],
      ['sitrep', '1h'],
    ]);
    expect(JSON.stringify(injects)).not.toContain('\\r');
    expect(messages).toContain('warning Controller Notes: column not imported: Ramparts has no field for "Controller Notes" (2 filled cell(s)); see the MSEL synonym table in docs/INTERCHANGE.md');
    expect(a.named).toBe(2);
  });

  it('rows stay on their file lines past CRLF and multi-line cells', () => {
    const rows = sheetRows('planner-semicolon-bom-crlf.csv');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 6, 7]);
    const broken = new TextDecoder().decode(bytes('planner-semicolon-bom-crlf.csv')).replace('D+1 01:00', 'D+1 25:00');
    const r = importMsel(new TextEncoder().encode(broken), ctx());
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.row, d.column?.name])).toEqual([[7, 'Scenario Time (D+H:M)']]);
  });

  it('HSEEP template', () => {
    const { injects, a } = imported('hseep.csv');
    expect(injects.map((i) => [i.id, i.at, i.type, i.channel, i.evaluation?.capability])).toEqual([
      ['1', '45m', 'inject', 'email', 'coordination'],
      ['2', '1h30m', 'contingency', 'news', 'coordination'],
      ['3', '2h', 'expected-action', 'phone', 'cyber'],
    ]);
    expect(a.named).toBe(1);
  });

  it('CISA exercise package: exercise days, modules as moves, discussion questions', () => {
    const { injects } = imported('cisa-ctep.csv');
    expect(injects.map((i) => [i.id, i.at, i.move, i.title, i.channel])).toEqual([
      ['1', '1h30m', 'm1', 'Situation update', 'briefing'],
      ['2', '1d15m', 'm2', 'Partner advisory', 'email'],
    ]);
    expect(injects[0]!.questions).toEqual(['Who decides to isolate?', 'Who informs the ministry?']);
  });

  it('Crucible Standard: wall-clock Delivery Time, the in-story Simulated Time named as not imported', () => {
    const { injects, messages } = imported('crucible-standard.csv');
    expect(injects.map((i) => [i.id, i.at, i.move])).toEqual([
      ['STD-1', '1h', 'm1'],
      ['STD-2', '4h30m', 'm2'],
    ]);
    expect(messages.filter((m) => m.includes('column not imported')).map((m) => m.split(':')[0])).toEqual(['warning Group', 'warning Simulated Time', 'warning Assigned To', 'warning Status']);
  });

  it('MITRE: Local Time is the wall clock against the scenario start (08:00+03:00); an earlier time is the next day, with a warning', () => {
    const { injects, messages } = imported('mitre-local-time.csv');
    expect(injects.map((i) => [i.id, i.at])).toEqual([
      ['M-01', '2h'],
      ['M-02', '6h30m'],
      ['M-03', '23h30m'],
    ]);
    expect(messages).toContain('warning Local Time: 07:30 is before the exercise starts (2025-03-01T08:00:00+03:00); read as the next day, T+23h30m');
    // The measure of performance is the evaluators' rubric: it goes into the inject's evaluation.
    expect(messages.filter((m) => m.includes('Measure of Performance'))).toEqual([]);
    expect(injects.some((i) => i.evaluation?.rubric !== undefined)).toBe(true);
  });

  it('local times follow the scenario time zone, daylight saving included', () => {
    const text = 'ID,Local Time,Message\n1,10:00,a\n2,Day 2 10:00,b\n';
    const r = importMsel(new TextEncoder().encode(text), { context: { startDate: '2025-03-29T07:00:00+01:00', timeZone: 'Europe/Paris' } });
    // Paris moves to summer time in the night of 29 to 30 March: Day 2 10:00 is 23 hours after Day 1 10:00.
    expect(r.ok && r.value.map((i) => i.at)).toEqual(['3h', '1d2h']);
  });

  it('UTF-16 "Unicode Text" export: decoded, tab-separated', () => {
    const { injects, messages } = imported('unicode-text-utf16.txt');
    expect(injects.map((i) => [i.id, i.content])).toEqual([
      ['U-1', { en: 'Check the VPN logs.', ar: 'تحقق من سجلات الشبكة الافتراضية.' }],
      ['U-2', { en: 'The minister wants a briefing.', ar: 'الوزير يريد إحاطة.' }],
    ]);
    expect(messages).toContain('note : read as UTF-16 (little endian)');
  });

  it('day-first dates need --date-order; with dmy they read as day/month', () => {
    const refused = importMsel(bytes('ddmm-dates.csv'), ctx());
    expect(refused.ok).toBe(false);
    expect(refused.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.row, d.column?.name, d.message])).toEqual([
      [2, 'Date/Time Delivered', '"01/03/2025 09:30" could be 1 March or January 3: say which with --date-order dmy or --date-order mdy'],
      [3, 'Date/Time Delivered', '"02/03/2025 07:15" could be 2 March or February 3: say which with --date-order dmy or --date-order mdy'],
      [4, 'Date/Time Delivered', '"01/03/2025 13:00" could be 1 March or January 3: say which with --date-order dmy or --date-order mdy'],
    ]);
    const { injects } = imported('ddmm-dates.csv', ctx({ dateOrder: 'dmy' }));
    expect(injects.map((i) => [i.id, i.at])).toEqual([
      ['D-1', '1h30m'],
      ['D-2', '23h15m'],
      ['D-3', '5h'],
    ]);
    const mdy = importMsel(bytes('ddmm-dates.csv'), ctx({ dateOrder: 'mdy' }));
    expect(mdy.ok).toBe(false);
  });

  it('Windows-1252', () => {
    const { injects } = imported('cp1252.csv');
    expect(injects[0]!.content).toBe('Le ministère demande un point de situation – l’équipe répond ?');
  });

  it('an .xlsx workbook read directly: the MSEL sheet, dates as dates, numeric moves, an Arabic-headed column', () => {
    const { injects, messages } = imported('workbook.xlsx');
    expect(injects.map((i) => [i.id, i.at, i.move, i.to])).toEqual([
      ['W-1', '1h30m', 'm1', ['kw']],
      ['W-2', '5h', 'm2', ['om']],
      ['W-3', '1d', 'm2', 'all-blue'],
    ]);
    expect(injects[0]!.content).toEqual({ en: 'A user reports a strange pop-up.\nScreenshot attached.', ar: 'مستخدم يبلغ عن نافذة غريبة.' });
    expect(messages[0]).toBe('note : read sheet "MSEL" of 2 (Cover, MSEL); choose another with --sheet NAME');
    const other = importMsel(bytes('workbook.xlsx'), { ...ctx(), sheet: 'Cover' });
    expect(other.ok).toBe(false);
  });

  it('a numeric Move column against a scenario without moves: named once, not an error', () => {
    const { moves: _moves, ...noMoves } = loadBase();
    const r = importMsel(bytes('workbook.xlsx'), { context: mselContext(noMoves) });
    expect(r.ok && r.value.every((i) => i.move === undefined)).toBe(true);
    expect(r.diagnostics).toContainEqual({
      severity: 'warning',
      row: 1,
      column: { name: 'Move', index: 3 },
      message: 'column not imported: the scenario has no moves (3 filled cell(s)); add moves to the scenario to use it',
    });
  });
});

describe('docs/INTERCHANGE.md', () => {
  it('prints the synonym table the importer uses', async () => {
    const { SYNONYMS, MSEL_FIELDS } = await import('../../interchange/index.ts');
    const doc = readFileSync(join(repoRoot, 'docs/INTERCHANGE.md'), 'utf8');
    for (const f of MSEL_FIELDS) {
      expect(doc).toContain(`| ${f} | ${SYNONYMS[f].headers.map((h) => (h === '#' ? '`#`' : h)).join(', ')} | ${SYNONYMS[f].sources} |`);
    }
  });
});
