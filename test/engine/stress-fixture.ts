/**
 * A generated large scenario for engine tests and throughput measurements: `teams` blue teams with
 * `nodesPerTeam` nodes each over four segments, a campaign of `steps` steps chaining across teams, and
 * `injects` injects (timed and condition-triggered). Deterministic in its parameters.
 */
import { Scenario, type ScenarioT } from '../../engine/scenario/schema/index.ts';

export interface StressShape {
  teams: number;
  nodesPerTeam: number;
  steps: number;
  injects: number;
  hours: number;
}

let FP = 0.05;
/** Sets the per-node false-positive rate of generated scenarios (alerts per hour). */
export function setNodeFalsePositiveRate(rate: number): void {
  FP = rate;
}
const ZONES = ['dmz', 'corporate', 'ot', 'datacenter'] as const;
const KINDS = ['workstation', 'server', 'web-server', 'database', 'domain-controller', 'hmi', 'plc'] as const;
const SENSORS = ['edr', 'av', 'ids', 'ndr', 'siem'] as const;
const TECH = ['T1190', 'T1566.001', 'T1059.001', 'T1078', 'T1021.001', 'T1003.001', 'T1486', 'T1041', 'T1105', 'T1071.001'];
const EFFECTS = [['compromise'], ['compromise', 'steal-credentials'], ['persist'], ['exfiltrate'], ['disrupt-service'], ['encrypt']] as const;

export function stressScenario(shape: StressShape = { teams: 12, nodesPerTeam: 167, steps: 300, injects: 500, hours: 24 }): ScenarioT {
  const teams = Array.from({ length: shape.teams }, (_, i) => ({ id: `t${i}`, role: 'blue' as const, name: `Team ${i}`, nation: 'KW' }));
  const segments = teams.flatMap((t, ti) =>
    ZONES.map((z, zi) => ({
      id: `${t.id}-${z}`,
      owner: t.id,
      zone: z,
      sensors: zi % 2 === 0 ? [{ kind: 'ids' as const, falsePositivesPerHour: 0.5 }] : [],
      ...(zi === 3 && shape.teams > 1 ? { sharedWith: [`t${(ti + 1) % shape.teams}`] } : {}),
    })),
  );
  const nodes = teams.flatMap((t, ti) =>
    Array.from({ length: shape.nodesPerTeam }, (_, ni) => ({
      id: `${t.id}-n${ni}`,
      segment: `${t.id}-${ZONES[ni % 4]}`,
      kind: KINDS[(ni + ti) % KINDS.length] as (typeof KINDS)[number],
      criticality: 1 + ((ni * 7 + ti) % 5),
      services: ni % 3 === 0 ? [{ id: 'svc', availability: 0.95 }] : [],
      vulnerabilities: ni % 4 === 1 ? [{ id: 'CVE-2025-1000' }] : [],
      sensors: ni % 2 === 0 ? [{ kind: SENSORS[ni % SENSORS.length] as (typeof SENSORS)[number], falsePositivesPerHour: FP }] : [],
      ...(ni % 5 === 0 ? { backup: { restoreTime: '2h', offline: ni % 10 === 0 } } : {}),
      tags: [`g${ni % 10}`],
    })),
  );
  const steps = Array.from({ length: shape.steps }, (_, i) => {
    const team = `t${i % shape.teams}`;
    return {
      id: `s${i}`,
      name: `Step ${i}`,
      technique: TECH[i % TECH.length] as string,
      target: { team, tags: [`g${i % 10}`], pick: 1 + (i % 3) },
      ...(i >= shape.teams ? { requiresAny: [`s${i - shape.teams}`] } : {}),
      timing: { at: `${(i * 3) % (shape.hours * 60)}m`, jitter: '10m', duration: '5m', after: '2m' },
      ...(i % 7 === 1 ? { exploits: 'CVE-2025-1000' } : {}),
      success: { base: 0.6 + (i % 4) * 0.1 },
      detection: { edr: 0.6, ids: 0.3, siem: 0.4, av: 0.2, ndr: 0.3 },
      effects: [...(EFFECTS[i % EFFECTS.length] as readonly string[])] as 'compromise'[],
      indicators: [`i${i % 40}`],
      ...(i % 11 === 0 ? { retry: { times: 2, after: '15m' } } : {}),
    };
  });
  const kinds = ['domain', 'sha256', 'ipv4', 'url'] as const;
  const indicators = Array.from({ length: 40 }, (_, i) => ({ id: `i${i}`, kind: kinds[i % 4] as (typeof kinds)[number] }));
  const injects = Array.from({ length: shape.injects }, (_, i) => ({
    id: `inj${i}`,
    title: `Inject ${i}`,
    channel: 'email' as const,
    from: { name: 'White' },
    content: `Content ${i}`,
    to: i % 5 === 0 ? ('all-blue' as const) : [`t${i % shape.teams}`],
    ...(i % 4 === 3 ? { when: i % 8 === 3 ? { stepSucceeded: `s${i % shape.steps}` } : { notAcknowledged: { inject: `inj${i - 1}`, within: '30m' } } } : { at: `${(i * 7) % (shape.hours * 60)}m` }),
    ...(i % 3 === 0 ? { evaluation: { expects: [{ action: 'acknowledge' as const, within: '1h' }] } } : {}),
  }));
  return Scenario.parse({
    ramparts: 2,
    meta: { id: 'stress-gen', title: 'Generated stress', version: '1.0', description: 'generated', startDate: '2026-01-01T00:00:00Z', duration: `${shape.hours}h`, seed: 1, modes: ['headless'] },
    teams: [{ id: 'white', role: 'white', name: 'White' }, { id: 'red', role: 'red', name: 'Red' }, ...teams],
    network: { segments, nodes },
    campaigns: [{ id: 'big', name: 'Big campaign', indicators, steps }],
    injects,
    scoring: { weights: { availability: 30, detection: 25, response: 20, reporting: 15, cooperation: 10 }, sampleEvery: '5m' },
  });
}
