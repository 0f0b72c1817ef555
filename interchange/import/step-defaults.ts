/**
 * What an imported step needs that CALDERA and Attack Flow do not say: odds of success, which sensors
 * notice it, its effects and how long it takes. Chosen per ATT&CK tactic (and per technique for impact),
 * so that an imported campaign runs sensibly before an author tunes it.
 */
import type { EffectT, SensorKindT, Technique } from '../../engine/index.ts';
import { own } from '../../engine/index.ts';

export interface StepDefaults {
  success: number;
  detection: Partial<Record<SensorKindT, number>>;
  effects: EffectT[];
  duration: string;
  /** A scripted chain stops at its first failure; two retries keep an imported campaign going. */
  retry: { times: number; after: string };
}

const BY_TACTIC: Record<string, Omit<StepDefaults, 'retry'>> = {
  reconnaissance: { success: 0.95, detection: { ids: 0.05 }, effects: ['compromise'], duration: '10m' },
  'resource-development': { success: 0.95, detection: { ids: 0.05 }, effects: ['compromise'], duration: '10m' },
  'initial-access': { success: 0.6, detection: { ids: 0.3, edr: 0.3, av: 0.2 }, effects: ['compromise'], duration: '5m' },
  execution: { success: 0.85, detection: { edr: 0.5, av: 0.3 }, effects: ['compromise'], duration: '5m' },
  persistence: { success: 0.85, detection: { edr: 0.4, siem: 0.2 }, effects: ['persist'], duration: '5m' },
  'privilege-escalation': { success: 0.7, detection: { edr: 0.4, siem: 0.2 }, effects: ['compromise'], duration: '5m' },
  'defense-evasion': { success: 0.85, detection: { edr: 0.2, av: 0.1 }, effects: ['compromise'], duration: '5m' },
  'credential-access': { success: 0.7, detection: { edr: 0.5, siem: 0.3 }, effects: ['steal-credentials'], duration: '5m' },
  discovery: { success: 0.95, detection: { edr: 0.2, siem: 0.1 }, effects: ['compromise'], duration: '2m' },
  'lateral-movement': { success: 0.6, detection: { edr: 0.4, ids: 0.4, ndr: 0.4, siem: 0.3 }, effects: ['compromise'], duration: '10m' },
  collection: { success: 0.9, detection: { edr: 0.2, dlp: 0.3 }, effects: ['compromise'], duration: '5m' },
  'command-and-control': { success: 0.8, detection: { ids: 0.4, ndr: 0.5 }, effects: ['compromise'], duration: '5m' },
  exfiltration: { success: 0.7, detection: { dlp: 0.5, ids: 0.3, ndr: 0.4 }, effects: ['exfiltrate'], duration: '15m' },
  impact: { success: 0.9, detection: { edr: 0.7, av: 0.5, siem: 0.5 }, effects: ['disrupt-service'], duration: '10m' },
};

/** Impact techniques whose effect is not a plain service disruption (parents cover their sub-techniques). */
const IMPACT_EFFECTS: Record<string, EffectT[]> = {
  T1486: ['encrypt', 'disrupt-service'],
  T1485: ['wipe', 'disrupt-service'],
  T1561: ['wipe', 'disrupt-service'],
  T1495: ['wipe', 'disrupt-service'],
  T1491: ['deface'],
  T1565: ['compromise'],
  T1657: ['exfiltrate'],
};

/** Defaults for a technique used under a tactic (a copy: callers may change it). */
export function stepDefaults(t: Technique, tactic: string): StepDefaults {
  const base = own(BY_TACTIC, tactic) ?? BY_TACTIC.execution!;
  const effects = tactic === 'impact' ? (own(IMPACT_EFFECTS, t.id) ?? own(IMPACT_EFFECTS, t.parent ?? '') ?? base.effects) : base.effects;
  return { success: base.success, detection: { ...base.detection }, effects: [...effects], duration: base.duration, retry: { times: 2, after: '10m' } };
}
