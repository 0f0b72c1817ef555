/**
 * Constant lists of the scenario format that the consoles need at run time. The engine's schema
 * modules define them next to zod schemas, and importing a value from there pulls zod (27 KB
 * gzipped) into the blue console; these copies avoid that. test/client/enums.test.ts checks that
 * they stay equal to the engine's.
 */
import type { ActionKindT } from '../../engine/scenario/schema/blue.ts';
import type { ChannelT } from '../../engine/scenario/schema/injects.ts';
import type { TlpLevel } from '../../engine/scenario/schema/common.ts';

export const TLP_LEVELS: readonly TlpLevel[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

export const CHANNELS: readonly ChannelT[] = ['email', 'phone', 'news', 'intel-feed', 'ticket', 'chat', 'radio', 'social-media', 'briefing'];

export const ACTION_KINDS: readonly ActionKindT[] = [
  'isolate', 'reconnect', 'patch', 'reset-credentials', 'restore-backup', 'block-indicator', 'hunt',
  'collect-forensics', 'share-intel', 'request-assistance', 'grant-assistance', 'sitrep', 'respond-inject',
];

export const ACTION_TARGETS: Record<ActionKindT, 'node' | 'segment' | 'indicator' | 'team' | 'inject' | 'none'> = {
  isolate: 'node', reconnect: 'node', patch: 'node', 'reset-credentials': 'node', 'restore-backup': 'node',
  'block-indicator': 'indicator', hunt: 'segment', 'collect-forensics': 'node', 'share-intel': 'team',
  'request-assistance': 'team', 'grant-assistance': 'team', sitrep: 'none', 'respond-inject': 'inject',
};

/** Same pattern as engine/time/duration.ts DURATION_PATTERN (that module has no zod; re-exported). */
export { DURATION_PATTERN } from '../../engine/time/duration.ts';
