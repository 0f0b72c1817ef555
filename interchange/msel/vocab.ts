/**
 * The words MSELs use for channels, TLP, event types, priorities and expected actions, mapped to the
 * scenario format's values. Each reader returns undefined for a word it does not know, so that the
 * importer can say which cell is wrong.
 */
import { ACTION_KINDS, CHANNELS, type ChannelT, type InjectT, type TlpLevel, own } from '../../engine/index.ts';

const key = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();

const CHANNEL_SYNONYMS: readonly (readonly [ChannelT, readonly string[]])[] = [
  ['email', ['e mail', 'mail', 'electronic mail']],
  ['phone', ['telephone', 'call', 'phone call', 'voice', 'mobile', 'voicemail']],
  ['news', ['media', 'press', 'tv', 'television', 'newspaper', 'news report', 'broadcast', 'press release']],
  ['intel-feed', ['intel', 'intelligence', 'intelligence feed', 'threat intel', 'threat intelligence', 'cti', 'feed', 'advisory', 'intel report']],
  ['ticket', ['helpdesk', 'help desk', 'service desk', 'trouble ticket', 'itsm']],
  ['chat', ['im', 'instant message', 'slack', 'mattermost', 'sms', 'text message', 'messaging']],
  ['radio', []],
  ['social-media', ['social', 'twitter', 'x', 'facebook', 'linkedin', 'telegram']],
  ['briefing', ['brief', 'in person', 'face to face', 'verbal', 'meeting', 'announcement']],
];
const CHANNEL_WORDS = new Map<string, ChannelT>();
for (const [channel, words] of CHANNEL_SYNONYMS) for (const w of [channel, ...words]) CHANNEL_WORDS.set(key(w), channel);

export function readChannel(cell: string): ChannelT | undefined {
  return CHANNEL_WORDS.get(key(cell));
}
export const CHANNEL_LIST = CHANNELS.join(', ');

/** TLP 2.0 level from "TLP:AMBER", "amber+strict", "TLP:WHITE" (TLP 1.0, now CLEAR). */
export function readTlp(cell: string): { tlp: TlpLevel; renamed: boolean } | undefined {
  const m = /^(?:tlp\s*[:-]?\s*)?(clear|white|green|amber\s*\+\s*strict|amber\s+strict|amber|red)$/i.exec(cell.trim());
  if (!m) return undefined;
  const word = m[1]!.toUpperCase().replace(/\s*\+\s*|\s+/, '+');
  return word === 'WHITE' ? { tlp: 'CLEAR', renamed: true } : { tlp: word as TlpLevel, renamed: false };
}

type EventType = NonNullable<InjectT['type']>;
const TYPE_WORDS: Record<string, EventType> = {
  inject: 'inject',
  'scenario inject': 'inject',
  event: 'inject',
  contingency: 'contingency',
  'contingency inject': 'contingency',
  'expected action': 'expected-action',
  'expected player action': 'expected-action',
};
export function readEventType(cell: string): EventType | undefined {
  return own(TYPE_WORDS, key(cell));
}
/** The HSEEP words Ramparts writes for each event type. */
export const EVENT_TYPE_WORDS: Record<EventType, string> = { inject: 'Inject', contingency: 'Contingency Inject', 'expected-action': 'Expected Action' };

type Priority = NonNullable<InjectT['priority']>;
export function readPriority(cell: string): Priority | undefined {
  const k = key(cell);
  return (['routine', 'priority', 'immediate', 'flash'] as const).find((p) => p === k);
}

export type ExpectedKind = (typeof ACTION_KINDS)[number] | 'acknowledge';
export const EXPECTED_KINDS: readonly ExpectedKind[] = [...ACTION_KINDS, 'acknowledge'];

/** Expected actions named in free text ("Isolate the host and notify partners"), in catalog order. */
const ACTION_HINTS: [ExpectedKind, RegExp][] = [
  ['isolate', /\b(isolat|quarantin|disconnect|contain)/i],
  ['reconnect', /\breconnect/i],
  ['patch', /\b(patch|apply (the )?(security )?update)/i],
  ['reset-credentials', /\b((reset|rotate|change)\b[^.;]{0,40}\b(credential|password|account|key)|password reset)/i],
  ['restore-backup', /\b(restor|from backup|recover from)/i],
  ['block-indicator', /\b(block|blacklist|denylist|sinkhole)/i],
  ['hunt', /\b(hunt|sweep)/i],
  ['collect-forensics', /\b(forensic|memory dump|collect evidence|disk image)/i],
  ['share-intel', /\b(share|notify (the )?partner|inform (the )?partner|disseminat)/i],
  ['request-assistance', /\b(request (for )?(assistance|support|help)|ask (partners )?for (help|assistance))/i],
  ['sitrep', /\b(sitrep|situation report|status report|report to)/i],
  ['acknowledge', /\b(acknowledg|confirm receipt)/i],
  ['respond-inject', /\b(respond|reply|answer)/i],
];

export function actionsInText(text: string): ExpectedKind[] {
  const found = ACTION_HINTS.filter(([, re]) => re.test(text)).map(([k]) => k);
  return found.length > 0 ? found : ['respond-inject'];
}

/** "within 2 hours", "within 30 minutes" in free text -> "2h", "30m". */
export function deadlineInText(text: string): string | undefined {
  const m = /\bwithin\s+(\d{1,4})\s*(minutes?|mins?|m|hours?|hrs?|h|days?|d)\b/i.exec(text);
  if (!m) return undefined;
  const unit = m[2]!.toLowerCase()[0];
  return `${Number(m[1])}${unit === 'm' ? 'm' : unit === 'h' ? 'h' : 'd'}`;
}
