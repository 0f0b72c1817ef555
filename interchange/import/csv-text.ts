/**
 * Checks that CSV text is text before any parser sees it (empty files, binary content, text that was
 * not UTF-8), and guesses the field separator of spreadsheets saved in locales that use ";".
 */
import type { Diagnostic } from './diagnostics.ts';

/** Largest MSEL accepted, in UTF-16 code units (a spreadsheet of many thousand injects fits). */
export const MAX_CSV_CHARS = 32 * 1024 * 1024;

function position(text: string, index: number): { row: number; col: number } {
  const before = text.slice(0, index);
  const row = (before.match(/\n/g)?.length ?? 0) + 1;
  return { row, col: index - before.lastIndexOf('\n') };
}

/** The text without a byte-order mark, or where and why it is not a CSV file. */
export function checkText(text: string): { ok: true; text: string } | { ok: false; error: Diagnostic } {
  const fail = (index: number, message: string) => {
    const p = position(text, index);
    return { ok: false as const, error: { severity: 'error' as const, row: p.row, column: { name: '', index: p.col }, message } };
  };
  if (text.length > MAX_CSV_CHARS) return fail(0, `the file is over ${MAX_CSV_CHARS / 1024 / 1024} MiB; split the MSEL`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail(0, 'the file is empty: an MSEL CSV starts with a header row (Event Number, Designated Scenario Time, ..., Message)');
  const binary = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (binary) return fail(binary.index, 'control character: this looks like a binary file (a spreadsheet saved as .xlsx?), not CSV; save the sheet as CSV UTF-8');
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) return fail(bad, 'this is not UTF-8 text; save the sheet as CSV UTF-8');
  return { ok: true, text: body };
}

/** The separator of the header line: the most frequent of comma, semicolon and tab outside quotes (comma on a tie). */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}
