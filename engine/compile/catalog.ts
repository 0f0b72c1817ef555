/**
 * The standard blue action catalog, merged in for every kind a scenario does not define itself.
 * Durations are typical of a national CSIRT working a live incident; kinds that are messages
 * (sharing, assistance, reports, answers) take no simulated time by default.
 */
import type { ActionKindT } from '../scenario/schema/index.ts';

const M = 60_000;
const H = 60 * M;

export const STANDARD_ACTIONS: Record<ActionKindT, { duration: number; success: number; lasts: number; name: string }> = {
  isolate: { duration: 5 * M, success: 1, lasts: 0, name: 'Isolate node' },
  reconnect: { duration: 5 * M, success: 1, lasts: 0, name: 'Reconnect node' },
  patch: { duration: 30 * M, success: 0.95, lasts: 0, name: 'Patch vulnerabilities' },
  'reset-credentials': { duration: 20 * M, success: 1, lasts: 0, name: 'Reset credentials' },
  'restore-backup': { duration: 2 * H, success: 0.9, lasts: 0, name: 'Restore from backup' },
  'block-indicator': { duration: 2 * M, success: 1, lasts: 0, name: 'Block indicator' },
  hunt: { duration: 15 * M, success: 1, lasts: 2 * H, name: 'Threat hunt' },
  'collect-forensics': { duration: 45 * M, success: 0.9, lasts: 0, name: 'Collect forensics' },
  'share-intel': { duration: 0, success: 1, lasts: 0, name: 'Share intelligence' },
  'request-assistance': { duration: 0, success: 1, lasts: 0, name: 'Request assistance' },
  'grant-assistance': { duration: 0, success: 1, lasts: 2 * H, name: 'Grant assistance' },
  sitrep: { duration: 0, success: 1, lasts: 0, name: 'Situation report' },
  'respond-inject': { duration: 0, success: 1, lasts: 0, name: 'Respond to inject' },
};

/** Default `lasts` of the schema for hunt and grant-assistance when a scenario action omits it. */
export const DEFAULT_LASTS = 2 * H;
