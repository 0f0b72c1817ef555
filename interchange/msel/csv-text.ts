/**
 * An MSEL CSV file as rows of cells, each with the file line it starts on: the bytes decoded (UTF-8
 * with or without a mark, UTF-16, Windows-1252), line endings made "\n" (so row numbers hold past
 * Windows line endings and multi-line cells, and no carriage return stays in a text), the separator
 * sniffed, and every failure located.
 */
import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../lib/diagnostics.ts';
import { decodeText, ENCODING_NAMES, isZip } from './encoding.ts';

/** Largest MSEL accepted, in UTF-16 code units (a spreadsheet of many thousand injects fits). */
export const MAX_CSV_CHARS = 32 * 1024 * 1024;

export type Delimiter = ',' | ';' | '\t' | '|';
export interface SheetRow {
  /** 1-based line of the file (or sheet row) where the record starts; the header is usually 1. */
  line: number;
  cells: string[];
}

function position(text: string, index: number): { row: number; col: number } {
  const before = text.slice(0, index);
  const row = (before.match(/\n/g)?.length ?? 0) + 1;
  return { row, col: index - before.lastIndexOf('\n') };
}

type Checked = { ok: true; text: string; notes: Diagnostic[] } | { ok: false; error: Diagnostic };

/** The text without a byte-order mark and with "\n" line ends, or where and why it is not a CSV file. */
export function checkText(input: string | Uint8Array): Checked {
  const notes: Diagnostic[] = [];
  let text: string;
  if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  else {
    if (isZip(input))
      return {
        ok: false,
        error: {
          severity: 'error',
          row: 1,
          column: { name: '', index: 1 },
          message: 'this is a zip archive (an .xlsx workbook?), not CSV: import the .xlsx file itself, or save the sheet as CSV UTF-8',
        },
      };
    const decoded = decodeText(input);
    text = decoded.text;
    if (decoded.encoding !== 'utf-8' && decoded.encoding !== 'utf-8-bom') notes.push({ severity: 'note', message: `read as ${ENCODING_NAMES[decoded.encoding]}` });
  }
  const fail = (index: number, message: string): Checked => {
    const p = position(text, index);
    return { ok: false, error: { severity: 'error', row: p.row, column: { name: '', index: p.col }, message } };
  };
  if (text.length > MAX_CSV_CHARS) return fail(0, `the file is over ${MAX_CSV_CHARS / 1024 / 1024} MiB; split the MSEL`);
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return fail(0, 'the file is empty: an MSEL CSV starts with a header row (Event Number, Designated Scenario Time, ..., Message)');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  const binary = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (binary) return fail(binary.index, 'control character: this looks like a binary file, not CSV; save the sheet as CSV UTF-8 (or import the .xlsx workbook itself)');
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) return fail(bad, 'this is not UTF-8 text; save the sheet as CSV UTF-8');
  return { ok: true, text, notes };
}

/** Field counts per line for one separator, outside quotes, over the first lines. */
function counts(text: string, sep: string, lines: number): number[] {
  const out: number[] = [];
  let n = 1;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') {
      out.push(n);
      n = 1;
      if (out.length >= lines) return out;
    } else if (!quoted && ch === sep) n++;
  }
  out.push(n);
  return out;
}

/**
 * The separator: among comma, semicolon, tab and "|", the one that splits the header into the most
 * fields and the following lines into as many (comma on a tie).
 */
export function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const sep of [',', ';', '\t', '|'] as const) {
    const c = counts(text, sep, 8).filter((x, i) => i === 0 || x > 1);
    const head = c[0] ?? 1;
    if (head < 2) continue;
    const steady = c.filter((x) => x === head).length / c.length;
    const score = head * (0.5 + steady);
    if (score > bestScore) {
      best = sep;
      bestScore = score;
    }
  }
  return best;
}

/** Parses CSV text ("\n" line ends) into rows with their file line numbers; a failure is located. */
export function csvRows(text: string, delimiter: string): { ok: true; rows: SheetRow[] } | { ok: false; error: Diagnostic } {
  try {
    const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    // info.lines is where a record ends; a record spans one more line per line break in its fields.
    return { ok: true, rows: records.map(({ record, info }) => ({ line: info.lines - record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0), cells: record })) };
  } catch (error) {
    const e = error as { lines?: number; index?: number; message?: string; code?: string };
    const line = typeof e.lines === 'number' && e.lines > 0 ? e.lines : 1;
    const index = typeof e.index === 'number' ? e.index + 1 : 1;
    const why = (e.message ?? 'unreadable CSV').replace(/^[A-Za-z ]+: /, (m) => m.toLowerCase());
    // The header is not parsed yet: name the column from a plain split of the first line.
    const name = text.split('\n', 1)[0]?.split(delimiter)[index - 1]?.replace(/^"|"$/g, '').trim() ?? '';
    return {
      ok: false,
      error: { severity: 'error', row: line, column: { name, index }, message: `not valid CSV: ${why}${e.code === 'CSV_QUOTE_NOT_CLOSED' ? ' (a quoted field is never closed)' : ''}` },
    };
  }
}
