/**
 * Small scenarios built in code for the engine tests. `baseScenario()` is a two-nation coalition
 * (KW, SA and QA, plus a GCC segment KW owns and shares with SA) against a scripted campaign; tests clone and tweak it.
 */
import { Scenario, type ScenarioT } from '../../engine/scenario/schema/index.ts';
import { compileScenario, createExercise, step, type Command, type ExerciseState, type EngineEvent } from '../../engine/index.ts';

export const WHITE = { role: 'white' } as const;
export const SYSTEM = { role: 'system' } as const;
export const RED = { role: 'red' } as const;
export const blue = (team: string) => ({ role: 'blue', team }) as const;

export function baseScenario(): ScenarioT {
  return Scenario.parse({
    ramparts: 2,
    meta: {
      id: 'test-coalition',
      title: 'Test coalition',
      version: '1.0',
      description: 'Engine test scenario',
      startDate: '2026-03-01T06:00:00+03:00',
      duration: '8h',
      seed: 7,
      modes: ['realtime', 'tabletop', 'headless'],
    },
    teams: [
      { id: 'white', role: 'white', name: 'White cell' },
      { id: 'red', role: 'red', name: 'Red cell' },
      { id: 'kw', role: 'blue', name: 'KW-CERT', nation: 'KW' },
      { id: 'sa', role: 'blue', name: 'SA-CERT', nation: 'SA' },
      { id: 'qa', role: 'blue', name: 'QA-CERT', nation: 'QA' },
    ],
    network: {
      segments: [
        { id: 'kw-dmz', owner: 'kw', zone: 'dmz', sensors: [{ kind: 'ids', quality: 1 }] },
        { id: 'kw-corp', owner: 'kw', zone: 'corporate' },
        { id: 'sa-corp', owner: 'sa', zone: 'corporate' },
        { id: 'gcc-shared', owner: 'kw', zone: 'shared', sharedWith: ['sa'], sensors: ['siem'] },
        { id: 'qa-corp', owner: 'qa', zone: 'corporate' },
      ],
      nodes: [
        {
          id: 'kw-web',
          segment: 'kw-dmz',
          kind: 'web-server',
          criticality: 4,
          os: 'Ubuntu 22.04',
          services: [{ id: 'https', port: 443, availability: 0.99, critical: true }],
          vulnerabilities: [{ id: 'CVE-2024-0001', cvss: 9.8 }],
          sensors: ['edr'],
          backup: { restoreTime: '1h', offline: true },
        },
        { id: 'kw-dc', segment: 'kw-corp', kind: 'domain-controller', criticality: 5, services: [{ id: 'ldap' }], sensors: ['edr'] },
        { id: 'kw-ws1', segment: 'kw-corp', kind: 'workstation', criticality: 2, tags: ['finance'] },
        { id: 'sa-web', segment: 'sa-corp', kind: 'web-server', criticality: 4, services: [{ id: 'https' }], sensors: ['edr'], vulnerabilities: [{ id: 'CVE-2024-0001' }] },
        { id: 'gcc-portal', segment: 'gcc-shared', kind: 'server', criticality: 3, services: [{ id: 'portal' }] },
        { id: 'qa-ws', segment: 'qa-corp', kind: 'workstation', criticality: 1, sensors: ['edr'] },
      ],
      links: [
        { from: 'kw-dmz', to: 'kw-corp' },
        { from: 'kw-dmz', to: 'gcc-shared' },
        { from: 'sa-corp', to: 'gcc-shared' },
      ],
    },
    campaigns: [
      {
        id: 'camp',
        name: 'Test campaign',
        indicators: [
          { id: 'c2', kind: 'domain' },
          { id: 'dropper', kind: 'sha256' },
          { id: 'c2ip', kind: 'ipv4' },
        ],
        steps: [
          {
            id: 'exploit-web',
            name: 'Exploit public web server',
            technique: 'T1190',
            target: { nodes: ['kw-web'] },
            timing: { at: '30m', duration: '10m' },
            exploits: 'CVE-2024-0001',
            success: { base: 1 },
            detection: { edr: 1, ids: 1 },
            detectionDelay: '5m',
            effects: ['compromise'],
            indicators: ['c2', 'dropper'],
          },
          {
            id: 'persist-web',
            name: 'Web shell',
            technique: 'T1505.003',
            target: { sameAs: 'exploit-web' },
            requires: ['exploit-web'],
            timing: { after: '20m', duration: '5m' },
            success: { base: 1 },
            effects: ['persist'],
            indicators: ['dropper'],
          },
          {
            id: 'exploit-sa',
            name: 'Exploit SA web server',
            technique: 'T1190',
            target: { nodes: ['sa-web'] },
            requires: ['exploit-web'],
            timing: { after: '2h', duration: '10m' },
            exploits: 'CVE-2024-0001',
            success: { base: 1 },
            detection: { edr: 1 },
            effects: ['compromise', 'disrupt-service'],
            indicators: ['c2'],
          },
        ],
      },
    ],
    injects: [
      {
        id: 'welcome',
        title: 'Exercise start',
        at: '0',
        to: 'all-blue',
        channel: 'email',
        from: { name: 'White cell' },
        content: { en: 'Welcome', ar: 'مرحبا' },
        asks: [{ en: 'Acknowledge this message', ar: 'أقرّوا باستلام هذه الرسالة' }],
        evaluation: {
          expects: [{ action: 'acknowledge', within: '30m', description: 'SECRET-EXPECTED-ack within half an hour' }],
          answer: { en: 'SECRET-ANSWER-KEY a named duty officer', ar: 'ضابط مناوبة مسمّى' },
          rubric: 'SECRET-RUBRIC P if named within 30 minutes',
        },
      },
      {
        id: 'breach-news',
        title: 'News: breach',
        when: { stepSucceeded: 'exploit-web' },
        delay: '15m',
        to: ['kw'],
        channel: 'news',
        from: { name: 'Gulf Daily' },
        content: 'A breach is reported.',
        evaluation: { expects: [{ action: 'sitrep', within: '1h' }] },
      },
      {
        id: 'chase',
        title: 'Ministry chases',
        when: { notAcknowledged: { inject: 'welcome', within: '20m' } },
        to: 'all-blue',
        channel: 'phone',
        from: { name: 'Ministry' },
        content: 'Please acknowledge.',
      },
    ],
    actions: [
      { id: 'isolate', kind: 'isolate', duration: '5m' },
      { id: 'reconnect', kind: 'reconnect', duration: '5m' },
      { id: 'patch', kind: 'patch', duration: '10m' },
      { id: 'reset-credentials', kind: 'reset-credentials', duration: '10m' },
      { id: 'restore-backup', kind: 'restore-backup', duration: '1h' },
      { id: 'block-indicator', kind: 'block-indicator', duration: '1m' },
      { id: 'hunt', kind: 'hunt', duration: '15m', lasts: '2h' },
      { id: 'collect-forensics', kind: 'collect-forensics', duration: '30m' },
      { id: 'grant-assistance', kind: 'grant-assistance', duration: '0', lasts: '4h' },
    ],
    scoring: { weights: { availability: 30, detection: 25, response: 20, reporting: 15, cooperation: 10 }, penalties: { disruption: 2, lateReport: 5 } },
  });
}

/** A started exercise of a scenario. */
export function started(s: ScenarioT = baseScenario(), seed = 7, mode: 'headless' | 'tabletop' | 'realtime' = 'headless'): ExerciseState {
  const st = createExercise(compileScenario(s), { seed, mode });
  must(st, { type: 'start', actor: WHITE });
  return st;
}

/** Applies a command that must be accepted; returns its events. */
export function must(state: ExerciseState, command: Command): EngineEvent[] {
  const r = step(state, command);
  if (!r.ok) throw new Error(`${command.type} refused: ${r.code}: ${r.message}`);
  return r.events;
}

/** Advances the clock to `ms` (as the system driver). */
export function advance(state: ExerciseState, ms: number): EngineEvent[] {
  return must(state, { type: 'advance', to: ms, actor: SYSTEM });
}

export const MIN = 60_000;
export const HOUR = 60 * MIN;
