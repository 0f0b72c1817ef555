/**
 * A generated coalition scenario for the server benchmark: `teams` blue teams, each with a corporate
 * and a DMZ segment of `nodesPerTeam` nodes with sensors, one scripted campaign that phishes,
 * moves laterally and encrypts across every team, and an inject to all. Valid by construction (the
 * benchmark validates it through the server like any upload).
 */
import type { ScenarioT } from '../engine/index.ts';

export function coalitionScenario(teams: number, nodesPerTeam: number): ScenarioT {
  const ids = Array.from({ length: teams }, (_, i) => `n${String(i + 1).padStart(2, '0')}`);
  const segments: ScenarioT['network']['segments'] = [];
  const nodes: ScenarioT['network']['nodes'] = [];
  for (const team of ids) {
    segments.push({ id: `${team}-corp`, owner: team, zone: 'corporate', sensors: ['siem'] });
    segments.push({ id: `${team}-dmz`, owner: team, zone: 'dmz', sensors: [{ kind: 'ids', falsePositivesPerHour: 0.5 }] });
    for (let i = 0; i < nodesPerTeam; i++) {
      const dmz = i % 4 === 0;
      nodes.push({
        id: `${team}-h${i}`,
        name: `${team.toUpperCase()} host ${i}`,
        segment: `${team}-${dmz ? 'dmz' : 'corp'}`,
        kind: dmz ? 'web-server' : i % 7 === 1 ? 'domain-controller' : 'workstation',
        os: dmz ? 'Ubuntu 22.04' : 'Windows 11',
        criticality: 1 + (i % 5),
        ip: `10.${ids.indexOf(team)}.${dmz ? 1 : 2}.${10 + i}`,
        tags: i % 3 === 0 ? ['finance'] : ['staff'],
        sensors: ['edr'],
        services: dmz ? [{ id: 'https', port: 443, availability: 0.99, critical: true }] : [],
        vulnerabilities: [{ id: 'CVE-2024-3400', cvss: 10, technique: 'T1190' }],
        backup: { restoreTime: '2h', offline: i % 2 === 0 },
      });
    }
  }
  return {
    ramparts: 2,
    meta: {
      id: 'bench-coalition',
      title: `Benchmark coalition of ${teams} teams`,
      version: '1.0',
      description: 'Generated for the server benchmark.',
      startDate: '2026-01-10T08:00:00+03:00',
      duration: '24h',
      seed: 1,
      modes: ['realtime', 'tabletop', 'headless'],
      speed: 1,
    },
    teams: [
      { id: 'white', role: 'white', name: 'White cell' },
      { id: 'red', role: 'red', name: 'Red cell' },
      ...ids.map((id, i) => ({ id, role: 'blue' as const, name: { en: `Nation ${i + 1} CERT`, ar: `فريق الدولة ${i + 1}` } })),
    ],
    network: { segments, nodes },
    campaigns: [
      {
        id: 'wave',
        name: 'Coalition-wide wave',
        indicators: [
          { id: 'c2', kind: 'domain' },
          { id: 'dropper', kind: 'sha256' },
        ],
        steps: [
          {
            id: 'phish',
            name: 'Phishing',
            technique: 'T1566.001',
            target: { tags: ['finance'], pick: teams * 2 },
            timing: { at: '20m', jitter: '30m', duration: '5m' },
            success: { base: 0.7 },
            detection: { edr: 0.4, siem: 0.3 },
            effects: ['compromise'],
            indicators: ['c2', 'dropper'],
          },
          {
            id: 'exploit',
            name: 'Exploit the edge',
            technique: 'T1190',
            target: { zone: 'dmz', pick: teams },
            exploits: 'CVE-2024-3400',
            timing: { at: '1h', jitter: '1h' },
            success: { base: 0.6 },
            detection: { ids: 0.5, edr: 0.3 },
            effects: ['compromise', 'persist'],
            indicators: ['c2'],
          },
          {
            id: 'encrypt',
            name: 'Encrypt',
            technique: 'T1486',
            target: { sameAs: 'phish' },
            requires: ['phish'],
            timing: { after: '3h', jitter: '1h' },
            success: { base: 0.8 },
            detection: { edr: 0.6 },
            effects: ['encrypt', 'disrupt-service'],
          },
        ],
      },
    ],
    injects: [
      {
        id: 'advisory',
        title: 'Regional advisory',
        at: '30m',
        to: 'all-blue',
        channel: 'email',
        from: { name: 'Regional ISAC' },
        content: 'Phishing wave reported across the region; check your mail gateways.',
        evaluation: { expects: [{ action: 'acknowledge', within: '30m' }] },
      },
    ],
    scoring: { weights: { availability: 30, detection: 20, response: 20, reporting: 15, cooperation: 15 } },
  };
}
