/**
 * Which MSEL column holds which field: headers matched by meaning against the synonym table
 * (synonyms.ts), language columns ("Message (ar)", "Message - Arabic", an Arabic header), and the
 * columns left over, which the importer names one by one.
 */
import { HEADER_LANGUAGE, LANGUAGE_NAMES, LOCAL_TEXT_FIELDS, LOCAL_TIME_HEADERS, MSEL_FIELDS, type MselField, SYNONYMS } from './synonyms.ts';

export { EXPORT_HEADERS, LOCAL_TEXT_FIELDS, MSEL_FIELDS, type MselField } from './synonyms.ts';

/** "Exercise Objective / Capability " -> "exercise objective capability"; "Action(s)" -> "actions"; "#" stays "#". */
export function normaliseHeader(header: string): string {
  const h = header.trim().toLowerCase().replace(/&/g, ' and ').replace(/\(s\)/g, 's').replace(/\/s\b/g, 's');
  if (h === '#') return '#';
  return h.replace(/[^\p{L}\p{N}#]+/gu, ' ').trim();
}

/**
 * The texts a header is tried as, best first: the whole header; without its parenthesised hint
 * ("To (Recipient/s)" -> "to"); each part around "/" or "|" ("Message / Inject Text" -> "message",
 * "inject text"); the hint itself ("recipients").
 */
export function headerKeys(header: string): string[][] {
  const raw = header.trim().replace(/\(s\)/gi, 's').replace(/\/s\b/gi, 's');
  const hint = /\(([^)]*)\)/.exec(raw)?.[1];
  const base = raw.replace(/\([^)]*\)/g, ' ');
  const parts = base.split(/\s[/|]\s|[|]/).length > 1 ? base.split(/\s[/|]\s|[|]/) : base.split('/').length === 2 && !/\d/.test(base) ? base.split('/') : [];
  const ranks = [[header], [base], parts, hint ? [hint] : []];
  return ranks.map((r) => r.map(normaliseHeader).filter((k) => k !== ''));
}

const LANGUAGE_SUFFIX = /^(.*?)\s*[([]\s*([A-Za-z]{2,3}(?:-[A-Za-z]{2})?)\s*[)\]]\s*$/;

function languageCode(word: string): string | undefined {
  const w = word.trim().toLowerCase();
  return LANGUAGE_NAMES.get(w);
}

/** Splits "Message (ar)", "Message - Arabic", "Arabic Message" into the field's header and a language code. */
function languageColumn(header: string): { base: string; lang: string } | undefined {
  const m = LANGUAGE_SUFFIX.exec(header.trim());
  if (m) {
    const named = languageCode(m[2]!);
    if (named) return { base: normaliseHeader(m[1]!), lang: named };
    const [lang, region] = m[2]!.split('-');
    return { base: normaliseHeader(m[1]!), lang: region ? `${lang!.toLowerCase()}-${region.toUpperCase()}` : lang!.toLowerCase() };
  }
  const words = normaliseHeader(header).split(' ');
  if (words.length < 2) return undefined;
  const first = languageCode(words[0]!);
  if (first)
    return {
      base: words
        .slice(1)
        .join(' ')
        .replace(/^(text|version) /, ''),
      lang: first,
    };
  const last = languageCode(words[words.length - 1]!);
  if (last)
    return {
      base: words
        .slice(0, -1)
        .join(' ')
        .replace(/ (in|text|version)$/, ''),
      lang: last,
    };
  const paren = /\(([^)]*)\)\s*$/.exec(header)?.[1];
  const inParen = paren ? languageCode(paren) : undefined;
  if (inParen) return { base: normaliseHeader(header.replace(/\([^)]*\)\s*$/, '')), lang: inParen };
  return undefined;
}

export interface HeaderMap {
  /** Column (0-based) of each field found. */
  fields: Map<MselField, number>;
  /** Per text field, its language columns: language code -> column. */
  languages: Map<MselField, Map<string, number>>;
  /** Columns that mean nothing to Ramparts (Notes, Status, ...). */
  ignored: number[];
  /** Columns whose header repeats an earlier one (the first is used). */
  duplicates: number[];
  /** Whether the time column holds the wall clock where the exercise runs ("Local Time") or time since T+0. */
  timeKind: 'scenario' | 'local';
}

const textFieldOf = (base: string): MselField | undefined => MSEL_FIELDS.find((f) => LOCAL_TEXT_FIELDS.has(f) && SYNONYMS[f].headers.includes(base));

/** Which column holds which field; header matching ignores case, spacing and punctuation and tries a header part by part. */
export function matchHeaders(headers: readonly string[]): HeaderMap {
  const fields = new Map<MselField, number>();
  const languages = new Map<MselField, Map<string, number>>();
  const seen = new Set<string>();
  const duplicates: number[] = [];
  const used = new Set<number>();
  const langColumns: { index: number; base: string; lang: string }[] = [];
  const keys: string[][][] = [];
  headers.forEach((h, i) => {
    keys[i] = headerKeys(h);
    const normal = normaliseHeader(h);
    const arabic = HEADER_LANGUAGE.get(normal);
    const lang = arabic ? { base: normal, lang: arabic } : languageColumn(h);
    if (lang && textFieldOf(lang.base)) {
      langColumns.push({ index: i, ...lang });
      used.add(i);
      return;
    }
    if (seen.has(normal)) {
      duplicates.push(i);
      used.add(i);
    } else seen.add(normal);
  });
  for (let rank = 0; rank < 4; rank++) {
    for (const field of MSEL_FIELDS) {
      if (fields.has(field)) continue;
      for (const alias of SYNONYMS[field].headers) {
        const column = headers.findIndex((_, i) => !used.has(i) && (keys[i]![rank] ?? []).includes(alias));
        if (column >= 0) {
          fields.set(field, column);
          used.add(column);
          break;
        }
      }
    }
  }
  // "From Organisation (ar)" belongs to the field that its plain header went to.
  for (const { index, base, lang } of langColumns) {
    const plain = [...fields].find(([f, c]) => LOCAL_TEXT_FIELDS.has(f) && normaliseHeader(headers[c] ?? '') === base)?.[0];
    const field = plain ?? textFieldOf(base)!;
    const columns = languages.get(field) ?? new Map<string, number>();
    if (columns.has(lang)) duplicates.push(index);
    else columns.set(lang, index);
    languages.set(field, columns);
  }
  const ignored = headers.map((_, i) => i).filter((i) => !used.has(i));
  const at = fields.get('at');
  const timeKind = at !== undefined && keys[at]!.flat().some((k) => LOCAL_TIME_HEADERS.has(k)) && !keys[at]![0]!.some((k) => /scenario|elapsed|simulated|d h m/.test(k)) ? 'local' : 'scenario';
  return { fields, languages, ignored, duplicates, timeKind };
}
