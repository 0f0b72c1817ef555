/**
 * Texts that span cells: per-language text (a main column plus "Title (ar)"-style columns), and
 * line lists (expected actions, discussion questions) whose lines line up across language columns.
 *
 * Per-language rule, the same on both sides: a text given as one string fills the main column only;
 * a text given per language fills one column per language (always including an "(en)" column) and
 * the main column shows its English (or first) version for readers of the plain sheet. On reading,
 * any non-empty language cell makes a per-language text; the main column then counts as English only
 * when the sheet has no "(en)" column.
 */
import type { LocalTextT } from '../../engine/index.ts';

export type LangCells = ReadonlyMap<string, string>;

/** Languages to give columns for: none when every value is a plain string, else "en" and the rest sorted. */
export function languagesOf(values: Iterable<LocalTextT | undefined>): string[] {
  const langs = new Set<string>();
  for (const v of values) if (v !== undefined && typeof v !== 'string') for (const k of Object.keys(v)) langs.add(k);
  if (langs.size === 0) return [];
  langs.delete('en');
  return ['en', ...[...langs].sort()];
}

/** The version shown in the main column: the string, or English, or the first language given. */
export function mainText(v: LocalTextT | undefined): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : (v.en ?? Object.values(v)[0] ?? '');
}

export function writeLocalText(v: LocalTextT | undefined, languages: readonly string[]): { main: string; langs: string[] } {
  return { main: mainText(v), langs: languages.map((l) => (v === undefined || typeof v === 'string' ? '' : (v[l] ?? ''))) };
}

/** Reads a text from its main cell and language cells; undefined when all are empty. */
export function readLocalText(main: string, langs: LangCells): LocalTextT | undefined {
  const record: Record<string, string> = {};
  for (const [lang, text] of langs) if (text.trim() !== '') record[lang] = text;
  if (Object.keys(record).length === 0) return main.trim() === '' ? undefined : main;
  if (!langs.has('en') && main.trim() !== '' && record.en === undefined) return { en: main, ...record };
  return record;
}

/**
 * One text per line: backslash, CR and LF inside a text are written as \\, \r, \n, and a text that
 * starts with a space or a bullet character gets a leading backslash so that it is not read as a bullet.
 */
export function escapeLine(text: string): string {
  const body = text.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  return /^[\s\-*•]/.test(body) ? `\\${body}` : body;
}
export function unescapeLine(text: string): string {
  const body = /^\\[\s\-*•]/.test(text) ? text.slice(1) : text;
  return body.replace(/\\([\\nr])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : '\\'));
}

/** Non-blank lines of a cell (leading bullets "- ", "* ", "• " removed). */
export function cellLines(cell: string): string[] {
  return cell
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*•]\s+)?/, ''))
    .filter((l) => l.trim() !== '');
}

/**
 * Line lists: each item's main text and per-language texts, with every language column's lines
 * matched to the main column's lines by position.
 */
export function alignLines(main: string, langs: LangCells): { ok: true; lines: { main: string; langs: Map<string, string> }[] } | { ok: false; lang: string; message: string } {
  const mainLines = cellLines(main);
  const rows = mainLines.map((m) => ({ main: m, langs: new Map<string, string>() }));
  for (const [lang, cell] of langs) {
    if (cell.trim() === '') continue;
    const lines = cellLines(cell);
    if (lines.length !== mainLines.length) {
      return { ok: false, lang, message: `has ${lines.length} line(s) but the main column has ${mainLines.length}; give one line per item, in the same order` };
    }
    lines.forEach((l, i) => rows[i]!.langs.set(lang, l));
  }
  return { ok: true, lines: rows };
}
