/**
 * MSEL spreadsheet columns: the fields Ramparts reads from and writes to an MSEL, the header texts
 * that mean each field in the Crucible Blueprint templates (Standard, MITRE Cyber Exercise Playbook,
 * HSEEP) and in common hand-made MSELs, and the HSEEP header row Ramparts exports.
 */

export const MSEL_FIELDS = [
  'id', 'at', 'type', 'title', 'from', 'fromRole', 'fromOrg', 'to', 'channel', 'content', 'details', 'expects',
  'objective', 'task', 'tlp', 'priority', 'move', 'when', 'delay', 'questions',
] as const;
export type MselField = (typeof MSEL_FIELDS)[number];

/** Fields whose text may be given per language, in extra columns such as "Message (ar)". */
export const LOCAL_TEXT_FIELDS: ReadonlySet<MselField> = new Set(['title', 'from', 'fromRole', 'fromOrg', 'content', 'expects', 'questions']);

/**
 * Header texts per field, normalised (see normaliseHeader), in order of preference. Fields are matched
 * in MSEL_FIELDS order and a column serves one field, so "From Org" is the sender's name in the
 * Crucible Standard template (which has no "From") and the sender's organisation next to a "From".
 */
const ALIASES: Record<MselField, string[]> = {
  id: ['event number', 'event no', '#', 'event id', 'inject number', 'inject no', 'inject id', 'control number', 'id', 'number', 'no', 'serial', 'serial number', 'msel number', 'msel id', 'ref', 'reference'],
  at: ['designated scenario time', 'scenario time', 'delivery time', 'time', 'local time', 'inject time', 'exercise time', 'start time', 'at', 't', 'simulated time', 'date time', 'datetime'],
  type: ['event type', 'inject type', 'type', 'category'],
  title: ['event title', 'title', 'inject title', 'subject', 'event name', 'headline', 'name', 'summary'],
  from: ['from', 'sender', 'from name', 'originator', 'source', 'from org', 'from organisation', 'from organization'],
  fromRole: ['from role', 'sender role', 'role'],
  fromOrg: ['from organisation', 'from organization', 'from org', 'sender organisation', 'sender organization'],
  to: ['to', 'to org', 'to organisation', 'to organization', 'recipient', 'recipients', 'target', 'target audience', 'audience', 'to team', 'team', 'teams', 'player', 'players', 'participant', 'participants'],
  channel: ['delivery method', 'channel', 'inject mode', 'mode', 'method', 'delivery mechanism', 'delivery', 'medium', 'means'],
  content: ['message', 'inject', 'inject text', 'message text', 'content', 'body', 'text', 'description', 'inject description', 'event description', 'details'],
  details: ['details'],
  expects: ['expected participant response', 'expected action', 'expected actions', 'expected response', 'expected player action', 'expected player actions', 'expected player response', 'expected outcome', 'response'],
  objective: ['exercise objective capability', 'exercise objective', 'objective', 'objectives', 'exercise objectives', 'capability', 'core capability', 'capability objective'],
  task: ['critical task', 'critical tasks', 'task'],
  tlp: ['tlp', 'tlp level', 'marking', 'classification'],
  priority: ['priority', 'precedence'],
  move: ['move', 'phase', 'move number', 'move phase', 'module'],
  when: ['when', 'condition', 'condition when', 'trigger', 'trigger condition'],
  delay: ['delay', 'condition delay'],
  questions: ['discussion questions', 'questions', 'discussion question', 'key questions'],
};

/** The header row Ramparts writes: HSEEP's columns first, then what a round trip needs. */
export const EXPORT_HEADERS: readonly (readonly [MselField, string])[] = [
  ['id', 'Event Number'], ['at', 'Designated Scenario Time'], ['type', 'Event Type'], ['title', 'Event Title'],
  ['from', 'From'], ['fromRole', 'From Role'], ['fromOrg', 'From Organisation'], ['to', 'To'], ['channel', 'Delivery Method'],
  ['content', 'Message'], ['expects', 'Expected Participant Response'], ['objective', 'Exercise Objective / Capability'],
  ['task', 'Critical Task'], ['tlp', 'TLP'], ['priority', 'Priority'], ['move', 'Move'], ['when', 'When'], ['delay', 'Delay'],
  ['questions', 'Discussion Questions'],
];

/** "Exercise Objective / Capability " -> "exercise objective capability"; "#" stays "#". */
export function normaliseHeader(header: string): string {
  const h = header.trim().toLowerCase().replace(/&/g, ' and ');
  if (h === '#') return '#';
  return h.replace(/[^\p{L}\p{N}#]+/gu, ' ').trim();
}

const LANGUAGE_SUFFIX = /^(.*?)\s*[([]\s*([A-Za-z]{2,3}(?:-[A-Za-z]{2})?)\s*[)\]]\s*$/;

/** Splits "Message (ar)" into the field's header and a language code, when the header is a text field's. */
function languageColumn(header: string): { base: string; lang: string } | undefined {
  const m = LANGUAGE_SUFFIX.exec(header.trim());
  if (!m) return undefined;
  const [lang, region] = m[2]!.split('-');
  return { base: normaliseHeader(m[1]!), lang: region ? `${lang!.toLowerCase()}-${region.toUpperCase()}` : lang!.toLowerCase() };
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
}

/** Which column holds which field; header matching ignores case, spacing and punctuation. */
export function matchHeaders(headers: readonly string[]): HeaderMap {
  const fields = new Map<MselField, number>();
  const languages = new Map<MselField, Map<string, number>>();
  const byName = new Map<string, number>();
  const duplicates: number[] = [];
  const used = new Set<number>();
  const langColumns: { index: number; base: string; lang: string }[] = [];
  const textField = (base: string) => MSEL_FIELDS.find((f) => LOCAL_TEXT_FIELDS.has(f) && ALIASES[f].includes(base));
  headers.forEach((h, i) => {
    const lang = languageColumn(h);
    if (lang && textField(lang.base)) {
      langColumns.push({ index: i, ...lang });
      used.add(i);
      return;
    }
    const key = normaliseHeader(h);
    if (byName.has(key)) {
      duplicates.push(i);
      used.add(i);
    } else byName.set(key, i);
  });
  for (const field of MSEL_FIELDS) {
    for (const alias of ALIASES[field]) {
      const column = byName.get(alias);
      if (column !== undefined && !used.has(column)) {
        fields.set(field, column);
        used.add(column);
        break;
      }
    }
  }
  // "From Organisation (ar)" belongs to the field that its plain header went to.
  for (const { index, base, lang } of langColumns) {
    const plain = [...fields].find(([f, c]) => LOCAL_TEXT_FIELDS.has(f) && normaliseHeader(headers[c] ?? '') === base)?.[0];
    const field = plain ?? textField(base)!;
    const columns = languages.get(field) ?? new Map<string, number>();
    if (columns.has(lang)) duplicates.push(index);
    else columns.set(lang, index);
    languages.set(field, columns);
  }
  const ignored = headers.map((_, i) => i).filter((i) => !used.has(i));
  return { fields, languages, ignored, duplicates };
}
