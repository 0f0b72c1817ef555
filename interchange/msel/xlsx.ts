/**
 * Rows of one sheet of an .xlsx workbook (Office Open XML), as an MSEL import reads them: every cell as
 * the text a planner sees, dates and times written as ISO text (2025-03-01T09:30, 09:30), row numbers
 * as the sheet shows them. The zip is opened by fflate (pure JavaScript, no dependencies, no install
 * scripts); the few XML parts an MSEL needs (workbook, relationships, shared strings, styles, the sheet)
 * have a fixed, machine-written shape and are read here without a general XML parser.
 */
import { unzipSync } from 'fflate';
import { own } from '../../engine/index.ts';
import { civilDate, pad } from '../lib/timestamps.ts';
import type { SheetRow } from './csv-text.ts';

export type WorkbookResult = { ok: true; rows: SheetRow[]; sheet: string; sheets: string[] } | { ok: false; message: string };

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text: entities and OOXML's _xHHHH_ escapes (Excel writes a carriage return as _x000D_). */
function text(xml: string): string {
  return xml
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (own(ENTITY, e) ?? m),
    )
    .replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\r\n?/g, '\n');
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The visible text of a string item: its <t> runs, without phonetic guides (<rPh>). */
function runs(xml: string): string {
  return [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)].map((m) => text(m[1] ?? '')).join('');
}

/** "AB" -> 27 (0-based column index). */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** Per cell style index: 'date', 'time' or undefined (a plain number). */
function dateStyles(styles: string | undefined): ('date' | 'time' | undefined)[] {
  if (!styles) return [];
  const custom = new Map([...styles.matchAll(/<numFmt\b[^>]*>/g)].map((m) => [Number(attr(m[0], 'numFmtId')), text(attr(m[0], 'formatCode') ?? '')]));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b[^>]*\/?>/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = (custom.get(id) ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    if ([18, 19, 20, 21, 45, 46, 47].includes(id) || (code !== '' && /[hs]/i.test(code) && !/[dy]/i.test(code))) return 'time';
    if (BUILTIN_DATE_FORMATS.has(id) || /[dy]/i.test(code) || /m{3,}/i.test(code)) return 'date';
    return undefined;
  });
}

/** A spreadsheet serial number as ISO text: days since 1899-12-30 (or 1904-01-01), fraction of a day. */
function serialText(serial: number, kind: 'date' | 'time', date1904: boolean): string {
  const seconds = Math.round(serial * 86400);
  const tod = ((seconds % 86400) + 86400) % 86400;
  const time = `${pad(Math.floor(tod / 3600))}:${pad(Math.floor((tod % 3600) / 60))}${tod % 60 ? `:${pad(tod % 60)}` : ''}`;
  if (kind === 'time' && serial < 1) return time;
  const days = Math.floor(seconds / 86400) + (date1904 ? 24107 : -25569);
  const { y, m, d } = civilDate(days);
  return `${y}-${pad(m)}-${pad(d)}${tod === 0 && kind === 'date' ? '' : `T${time}`}`;
}

/** Reads one sheet (by name; default: the first whose name says MSEL, else the first) of an .xlsx file. */
export function readWorkbook(bytes: Uint8Array, wanted?: string): WorkbookResult {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/.test(f.name) });
  } catch (error) {
    return { ok: false, message: `not a readable .xlsx workbook (${(error as Error).message}); save the sheet again as .xlsx or as CSV UTF-8` };
  }
  const utf8 = (name: string) => (files[name] ? new TextDecoder('utf-8').decode(files[name]) : undefined);
  const workbook = utf8('xl/workbook.xml');
  if (!workbook) return { ok: false, message: 'a zip archive without xl/workbook.xml: not an .xlsx workbook (an .xls, .ods or .numbers file? save it as .xlsx or as CSV UTF-8)' };
  const rels = new Map([...(utf8('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id'), attr(m[0], 'Target')]));
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({ name: text(attr(m[0], 'name') ?? ''), target: rels.get(attr(m[0], 'r:id')) ?? '' }));
  const names = sheets.map((s) => s.name);
  const sheet = wanted !== undefined ? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase()) : (sheets.find((s) => /msel/i.test(s.name)) ?? sheets[0]);
  if (!sheet) return { ok: false, message: wanted !== undefined ? `no sheet "${wanted}" in the workbook (sheets: ${names.join(', ')})` : 'the workbook has no sheets' };
  const path = sheet.target.startsWith('/') ? sheet.target.slice(1) : `xl/${sheet.target.replace(/^\.\//, '')}`;
  const xml = utf8(path);
  if (!xml) return { ok: false, message: `sheet "${sheet.name}" is missing from the workbook (${path})` };
  const shared = [...(utf8('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\s*\/>/g)].map((m) => runs(m[1] ?? ''));
  const styles = dateStyles(utf8('xl/styles.xml'));
  const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook);
  const rows: SheetRow[] = [];
  for (const r of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const line = Number(attr(r[1]!, 'r') ?? rows.length + 1);
    const cells: string[] = [];
    for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(c[1]!, 'r');
      const index = ref ? columnIndex(ref) : cells.length;
      const type = attr(c[1]!, 't') ?? 'n';
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value = '';
      if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = runs(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
      else if (v !== undefined) {
        const kind = styles[Number(attr(c[1]!, 's') ?? 0)];
        value = type === 'n' && kind && Number.isFinite(Number(v)) ? serialText(Number(v), kind, date1904) : text(v);
      }
      while (cells.length < index) cells.push('');
      cells[index] = value;
    }
    if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells });
  }
  // Rows as long as the header, so that trailing empty cells do not read as missing fields.
  const width = Math.max(0, ...rows.slice(0, 1).map((r) => r.cells.length));
  for (const row of rows) while (row.cells.length < width) row.cells.push('');
  return { ok: true, rows, sheet: sheet.name, sheets: names };
}
