// biome-ignore-all format: a table, one entry a line so that it reads as one
/**
 * The MSEL synonym table: for each field Ramparts reads, the header texts that mean it, with the
 * templates that use them. docs/INTERCHANGE.md prints this table (a test keeps the two the same).
 *
 * Headers are compared after normalisation (see columns.ts): case, spacing and punctuation do not
 * count, "(s)" and "/s" plurals read as plurals, and a header such as "Message / Inject Text" or
 * "To (Recipient/s)" is also tried part by part ("message", "inject text"; "to", "recipients").
 */

export const MSEL_FIELDS = [
  'id', 'at', 'type', 'title', 'from', 'fromRole', 'fromOrg', 'to', 'channel', 'content', 'details', 'expects',
  'objective', 'task', 'tlp', 'priority', 'move', 'when', 'delay', 'questions', 'asks', 'answer', 'criteria',
] as const;
export type MselField = (typeof MSEL_FIELDS)[number];

/**
 * Who reads each field once imported: the recipients (`players`: the inject's title, sender, message,
 * questions and what they are asked to do), the white cell and evaluators only (`evaluators`: the
 * inject's `evaluation`, which no player view or event carries), or nobody as text (`delivery`: when,
 * to whom and how the inject is sent). An MSEL is a controllers' document: its "Expected Player
 * Action" column says what evaluators look for (with the deadline they grade against), so it is the
 * evaluators'; only "Asked of Players" is read by the players as written. The one place that decides.
 */
export const MSEL_AUDIENCE: Readonly<Record<MselField, 'players' | 'evaluators' | 'delivery'>> = {
  id: 'delivery', at: 'delivery', type: 'delivery', to: 'delivery', channel: 'delivery', tlp: 'delivery', priority: 'delivery',
  move: 'delivery', when: 'delivery', delay: 'delivery',
  title: 'players', from: 'players', fromRole: 'players', fromOrg: 'players', content: 'players', details: 'players',
  questions: 'players', asks: 'players',
  expects: 'evaluators', objective: 'evaluators', task: 'evaluators', answer: 'evaluators', criteria: 'evaluators',
};

export interface Synonyms {
  /** Normalised header texts, in order of preference. */
  headers: readonly string[];
  /** Where the headers come from, for the documentation. */
  sources: string;
}

/**
 * Header texts per field. Fields are matched in MSEL_FIELDS order and a column serves one field, so
 * "From Org" is the sender's name in the Crucible Standard template (which has no "From") and the
 * sender's organisation next to a "From". Where each field goes (players or evaluators): MSEL_AUDIENCE.
 */
export const SYNONYMS: Record<MselField, Synonyms> = {
  id: {
    headers: ['event number', 'event no', '#', 'event id', 'inject number', 'inject no', 'inject id', 'inject #', 'control number', 'msel number', 'msel no', 'msel #', 'msel id', 'seq no', 'sequence number', 'serial', 'serial number', 'id', 'number', 'no', 'ref', 'reference'],
    sources: 'Event Number (HSEEP), Control Number (Crucible Standard), ID (MITRE), Inject # / MSEL # (CISA), Seq No (planner sheets)',
  },
  at: {
    headers: ['designated scenario time', 'scenario time', 'exercise time', 'delivery time', 'inject time', 'time', 'at', 't', 'elapsed time', 'time d h m', 'scenario time d h m', 'local time', 'time local', 'clock time', 'wall clock time', 'date time delivered', 'delivery date time', 'date time', 'datetime', 'start time', 'simulated time', 'الوقت'],
    sources: 'Designated Scenario Time (HSEEP), Delivery Time and Simulated Time (Crucible Standard), Local Time (MITRE), Time (CISA), Scenario Time (D+H:M), Date/Time Delivered (planner sheets)',
  },
  type: { headers: ['event type', 'inject type', 'type', 'category'], sources: 'Event Type (HSEEP), Inject Type (planner sheets)' },
  title: { headers: ['event title', 'title', 'inject title', 'subject', 'event name', 'headline', 'name', 'summary', 'event', 'العنوان'], sources: 'Title (Crucible Standard, MITRE), Event (CISA), Subject' },
  from: {
    headers: ['from', 'sender', 'from name', 'originator', 'source', 'from org', 'from organisation', 'from organization', 'simulated sender', 'من'],
    sources: 'From (HSEEP), From Org (Crucible Standard), Originator (From) (planner sheets), Sender',
  },
  fromRole: { headers: ['from role', 'sender role', 'role'], sources: 'From Role (Ramparts)' },
  fromOrg: { headers: ['from organisation', 'from organization', 'from org', 'sender organisation', 'sender organization'], sources: 'From Organisation (Ramparts), next to a From column' },
  to: {
    headers: ['to', 'to org', 'to organisation', 'to organization', 'recipient', 'recipients', 'recipient s', 'target', 'target audience', 'audience', 'to team', 'team', 'teams', 'player', 'players', 'participant', 'participants', 'intended recipient', 'إلى'],
    sources: 'To (HSEEP), To Org (Crucible Standard), Target (MITRE), To (Recipient/s), Recipient (To) (planner sheets)',
  },
  channel: {
    headers: ['delivery method', 'inject mode', 'mode of delivery', 'delivery mode', 'inject method', 'method of delivery', 'channel', 'mode', 'method', 'delivery mechanism', 'delivery', 'medium', 'means'],
    sources: 'Inject Mode (HSEEP), Delivery Method (MITRE), Inject Method (CISA), Mode of Delivery (planner sheets)',
  },
  content: {
    headers: ['message', 'inject', 'inject text', 'message text', 'message inject text', 'inject message', 'content', 'body', 'text', 'description', 'inject description', 'event description', 'details', 'الرسالة', 'النص'],
    sources: 'Message (HSEEP), Description (Crucible Standard, MITRE), Inject (CISA), Message / Inject Text (planner sheets)',
  },
  details: { headers: ['details'], sources: 'Details (Crucible Standard), appended to Description' },
  expects: {
    headers: ['expected participant response', 'expected player action', 'expected player actions', 'expected action', 'expected actions', 'expected response', 'expected player response', 'expected outcome', 'expected outcome response', 'player action', 'player actions', 'response'],
    sources: 'Expected Participant Response (HSEEP), Expected Actions (Crucible Standard, MITRE), Expected Outcome (CISA), Expected Player Action(s) (planner sheets): evaluation.expects',
  },
  objective: {
    headers: ['exercise objective capability', 'exercise objective', 'objective', 'objectives', 'exercise objectives', 'capability', 'core capability', 'capability objective', 'objective capability'],
    sources: 'Exercise Objective (HSEEP), Objective / Capability (CISA)',
  },
  task: { headers: ['critical task', 'critical tasks', 'task'], sources: 'Critical Task (HSEEP EEG)' },
  tlp: { headers: ['tlp', 'tlp level', 'marking', 'classification'], sources: 'TLP' },
  priority: { headers: ['priority', 'precedence'], sources: 'Priority' },
  move: { headers: ['move', 'phase', 'move number', 'move phase', 'module'], sources: 'Move (Crucible Standard), Module (CISA), Phase' },
  when: { headers: ['when', 'condition', 'condition when', 'trigger', 'trigger condition'], sources: 'When (Ramparts)' },
  delay: { headers: ['delay', 'condition delay'], sources: 'Delay (Ramparts)' },
  questions: { headers: ['discussion questions', 'questions', 'discussion question', 'key questions'], sources: 'Discussion Questions (CISA)' },
  asks: {
    headers: ['asked of players', 'asks', 'asked of participants', 'player tasking', 'tasking', 'requested action', 'requested actions'],
    sources: 'Asked of Players (Ramparts): what the recipients read they are asked to do',
  },
  answer: {
    headers: ['expected answer', 'model answer', 'answer key', 'school solution', 'expected player answer'],
    sources: 'Expected Answer (Ramparts), Model Answer (planner sheets): evaluation.answer',
  },
  criteria: {
    headers: ['measure of performance', 'measures of performance', 'evaluation criteria', 'evaluator notes', 'evaluator criteria', 'performance measure', 'evaluation', 'observation notes', 'rubric'],
    sources: 'Measure of Performance (MITRE), Evaluator Notes (planner sheets): evaluation.rubric',
  },
};

/** Fields whose text may be given per language, in extra columns such as "Message (ar)". */
export const LOCAL_TEXT_FIELDS: ReadonlySet<MselField> = new Set(['title', 'from', 'fromRole', 'fromOrg', 'content', 'expects', 'questions', 'asks', 'answer', 'criteria']);

/** Time headers that mean the wall clock where the exercise runs, not the time since T+0. */
export const LOCAL_TIME_HEADERS: ReadonlySet<string> = new Set([
  'delivery time', 'local time', 'time local', 'clock time', 'wall clock time', 'date time delivered', 'delivery date time', 'date time', 'datetime', 'start time',
]);

/** Arabic headers are the Arabic version of their field's text. */
export const HEADER_LANGUAGE: ReadonlyMap<string, string> = new Map(['العنوان', 'من', 'الرسالة', 'النص'].map((h) => [h, 'ar']));

/** Language names written in headers ("Message - Arabic", "Arabic Message") and their codes. */
export const LANGUAGE_NAMES: ReadonlyMap<string, string> = new Map([
  ['arabic', 'ar'], ['english', 'en'], ['french', 'fr'], ['spanish', 'es'], ['german', 'de'], ['farsi', 'fa'], ['persian', 'fa'], ['urdu', 'ur'], ['hebrew', 'he'],
  ['عربي', 'ar'], ['بالعربية', 'ar'], ['العربية', 'ar'],
]);

/** The header row Ramparts writes: HSEEP's columns first, then what a round trip needs. */
export const EXPORT_HEADERS: readonly (readonly [MselField, string])[] = [
  ['id', 'Event Number'], ['at', 'Designated Scenario Time'], ['type', 'Event Type'], ['title', 'Event Title'],
  ['from', 'From'], ['fromRole', 'From Role'], ['fromOrg', 'From Organisation'], ['to', 'To'], ['channel', 'Delivery Method'],
  ['content', 'Message'], ['expects', 'Expected Participant Response'], ['objective', 'Exercise Objective / Capability'],
  ['task', 'Critical Task'], ['tlp', 'TLP'], ['priority', 'Priority'], ['move', 'Move'], ['when', 'When'], ['delay', 'Delay'],
  ['questions', 'Discussion Questions'], ['asks', 'Asked of Players'], ['answer', 'Expected Answer'], ['criteria', 'Measure of Performance'],
];
