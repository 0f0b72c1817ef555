/**
 * The words of the scenario format and of the commands: every closed list, once, as `as const`
 * arrays with their derived types. The zod schemas build their enums from these, and the web client
 * takes them through the engine's zod-free entry (engine/constants.ts), so this module imports nothing.
 */

/**
 * The scenario format's version. 2 separates what players are asked from how evaluators judge it
 * (an inject's `evaluation`); files of format 1 are still read (scenario/upgrade.ts).
 */
export const FORMAT_VERSION = 2;

/** How an exercise is driven: a wall clock (real time), moves (tabletop), or as fast as it computes. */
export const MODES = ['realtime', 'tabletop', 'headless'] as const;
export type Mode = (typeof MODES)[number];

export const TEAM_ROLES = ['white', 'red', 'blue', 'evaluator'] as const;
export type TeamRoleT = (typeof TEAM_ROLES)[number];

/** Traffic Light Protocol 2.0 levels, from least to most restricted. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];
/** Each level's place in TLP_LEVELS: a higher rank is more restricted. */
export const TLP_RANK: Readonly<Record<TlpLevel, number>> = { CLEAR: 0, GREEN: 1, AMBER: 2, 'AMBER+STRICT': 3, RED: 4 };

export const ZONES = ['internet', 'dmz', 'corporate', 'ot', 'datacenter', 'cloud', 'management', 'shared'] as const;
export type ZoneT = (typeof ZONES)[number];

export const NODE_KINDS = [
  'workstation',
  'server',
  'domain-controller',
  'database',
  'web-server',
  'mail-server',
  'firewall',
  'router',
  'switch',
  'vpn-gateway',
  'hmi',
  'plc',
  'historian',
  'scada-server',
  'payment-switch',
  'cloud-service',
  'mobile',
  'iot',
] as const;
export type NodeKindT = (typeof NODE_KINDS)[number];

export const SENSOR_KINDS = ['edr', 'av', 'ids', 'ndr', 'siem', 'honeypot', 'dlp'] as const;
export type SensorKindT = (typeof SENSOR_KINDS)[number];

/** True node states, from least to most severe; `requiresState` means "at least this". */
export const NODE_STATES = ['clean', 'compromised', 'persistent', 'exfiltrated', 'encrypted', 'wiped'] as const;
export type NodeStateT = (typeof NODE_STATES)[number];

export const EFFECTS = ['compromise', 'persist', 'steal-credentials', 'exfiltrate', 'encrypt', 'wipe', 'disrupt-service', 'deface'] as const;
export type EffectT = (typeof EFFECTS)[number];

export const INDICATOR_KINDS = ['sha256', 'md5', 'ipv4', 'domain', 'url', 'email', 'filename', 'registry-key', 'mutex', 'user-agent'] as const;
export type IndicatorKindT = (typeof INDICATOR_KINDS)[number];

export const ACTION_KINDS = [
  'isolate',
  'reconnect',
  'patch',
  'reset-credentials',
  'restore-backup',
  'block-indicator',
  'hunt',
  'collect-forensics',
  'share-intel',
  'request-assistance',
  'grant-assistance',
  'sitrep',
  'respond-inject',
] as const;
export type ActionKindT = (typeof ACTION_KINDS)[number];

/** What an action is aimed at: derived from its kind, listed here for the schema's documentation. */
export const ACTION_TARGETS: Record<ActionKindT, 'node' | 'segment' | 'indicator' | 'team' | 'inject' | 'none'> = {
  isolate: 'node',
  reconnect: 'node',
  patch: 'node',
  'reset-credentials': 'node',
  'restore-backup': 'node',
  'block-indicator': 'indicator',
  hunt: 'segment',
  'collect-forensics': 'node',
  'share-intel': 'team',
  'request-assistance': 'team',
  'grant-assistance': 'team',
  sitrep: 'none',
  'respond-inject': 'inject',
};

export const CHANNELS = ['email', 'phone', 'news', 'intel-feed', 'ticket', 'chat', 'radio', 'social-media', 'briefing'] as const;
export type ChannelT = (typeof CHANNELS)[number];

export const SCORE_CATEGORIES = ['availability', 'detection', 'response', 'reporting', 'cooperation'] as const;
export type ScoreCategoryT = (typeof SCORE_CATEGORIES)[number];

/** How bad an alert or a situation report says things are. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** HSEEP performance ratings: performed without challenges, with some, with major ones, unable to be performed. */
export const RATINGS = ['P', 'S', 'M', 'U'] as const;
export type Rating = (typeof RATINGS)[number];
