// biome-ignore-all format: a table, one entry a line so that it reads as one
/**
 * The stress scenario's red side: a wiper campaign against six nations and the shared segments, a
 * ransomware campaign against the other six, and a hacktivist front. Each nation gets a 27-step kill
 * chain with branches; indicators are shared between nations so that shared intelligence matters.
 */
import { type CampaignT, formatDuration, type IndicatorT, type PostureT, type StepT, type TargetSelectorT } from '../../engine/index.ts';
import type { Coverage } from './coverage.ts';
import { NATIONS, type Nation } from './nations.ts';
import { GRID_TEAMS, VULNS } from './network.ts';

const M = 60_000;
const H = 60 * M;
const d = (ms: number): string => formatDuration(ms);

/** When a nation's chain starts and when its payload detonates (ms from T+0). */
export function schedule(t: number, n: Nation): { start: number; impact: number } {
  return { start: 30 * M + t * 40 * M, impact: (n.campaign === 'wiper' ? 24 * H : 28 * H) + (t % 3) * 2 * H };
}

/** Fixed indicator values quoted in inject texts. */
export const IOC = {
  sender: { wiper: 'careers@regional-energy-jobs.net', ransom: 'invoices@gov-procure-portal.com' },
  scanner: { wiper: '198.51.100.23', ransom: '203.0.113.200' },
  c2: { wiper: ['update.ntservicepack.net', 'cdn.msupdate-check.org', 'telemetry.winsvc-cloud.com'], ransom: ['cdn-medsync-update.com', 'api.docsync-cloud.net', 'static.office-cdn-sync.com'] },
} as const;

function indicators(c: 'wiper' | 'ransom'): IndicatorT[] {
  const p = c === 'wiper' ? 'w' : 'r';
  const c2 = IOC.c2[c];
  const out: IndicatorT[] = [
    { id: `ioc-${p}-sender`, kind: 'email', value: IOC.sender[c] },
    { id: `ioc-${p}-doc`, kind: 'sha256' },
    { id: `ioc-${p}-scanner`, kind: 'ipv4', value: IOC.scanner[c] },
    { id: `ioc-${p}-dumper`, kind: 'sha256' },
    { id: `ioc-${p}-dropper`, kind: 'sha256' },
    { id: `ioc-${p}-dropper-name`, kind: 'filename', value: c === 'wiper' ? 'ntssrvr64.exe' : 'msedgeupdate.dll' },
    { id: `ioc-${p}-persist`, kind: 'registry-key', value: c === 'wiper' ? 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\MaintenaceSrv' : 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\EdgeUpdateSvc' },
    { id: `ioc-${p}-mutex`, kind: 'mutex', value: c === 'wiper' ? 'Global\\DunePayloadMtx' : 'Global\\SilentWardLock' },
    { id: `ioc-${p}-ua`, kind: 'user-agent', value: c === 'wiper' ? 'Mozilla/4.0 (compatible; MSIE 8.0; Win32; NTSvc/2.1)' : 'Mozilla/5.0 (Windows NT 10.0; Win64) SyncAgent/3.4' },
    { id: `ioc-${p}-payload`, kind: 'sha256' },
    { id: `ioc-${p}-payload-md5`, kind: 'md5' },
    { id: `ioc-${p}-exfil`, kind: 'domain', value: c === 'wiper' ? 'files.dune-share.net' : 'mega.nz' },
    { id: `ioc-${p}-note`, kind: 'filename', value: c === 'wiper' ? 'key8854321.pub' : 'Restore-My-Files.txt' },
  ];
  if (c === 'ransom') out.push({ id: 'ioc-r-url', kind: 'url', value: 'https://gov-procure-portal.com/invoice/view' });
  c2.forEach((value, i) => out.push({ id: `ioc-${p}-c2-${i + 1}`, kind: 'domain', value }, { id: `ioc-${p}-c2ip-${i + 1}`, kind: 'ipv4', value: `203.0.113.${50 + 10 * i + (c === 'wiper' ? 0 : 100)}` }));
  return out;
}

type StepIn = Omit<StepT, 'detection' | 'target'> & { target: TargetSelectorT; odds?: Record<string, number> };

/** Builds steps, keeping only the detection odds of sensor kinds that cover a possible target. */
class Steps {
  readonly list: StepT[] = [];
  constructor(private readonly cov: Coverage) {}
  add(s: StepIn): string {
    const { odds, ...step } = s;
    const nodes = this.cov.register(step.id, step.target, step.exploits);
    const kinds = this.cov.sensorKinds(nodes);
    const detection = Object.fromEntries(Object.entries(odds ?? {}).filter(([k]) => kinds.has(k)));
    this.list.push(Object.keys(detection).length > 0 ? { ...step, detection } : step);
    return step.id;
  }
}

function nationChain(S: Steps, n: Nation, t: number): string[] {
  const c = n.campaign;
  const p = c === 'wiper' ? 'w' : 'r';
  const k = t % 3;
  const team = n.id;
  const { start, impact } = schedule(t, n);
  const id = (s: string) => `${team}-${s}`;
  const ind = (...xs: string[]) => xs.map((x) => `ioc-${p}-${x}`);
  const obj = (o: string) => `obj-${p}-${o}`;
  const phish = S.add({ id: id('phish'), name: `${n.en}: spearphishing with a macro document`, technique: 'T1566.001', tactic: 'initial-access',
    target: { team, segment: `${team}-corp`, tags: [c === 'wiper' ? 'hr' : 'finance'], pick: 3 }, timing: { at: d(start), jitter: '30m', duration: '10m' },
    success: { base: 0.6, hunting: 0.8, blocked: 0.05 }, odds: { edr: 0.3, av: 0.35, siem: 0.05 }, effects: ['compromise'], indicators: ind('sender', 'doc'), retry: { times: 2, after: '1h30m' } });
  const second = c === 'wiper'
    ? S.add({ id: id('proxylogon'), name: `${n.en}: ProxyLogon on the mail gateway`, technique: 'T1190', tactic: 'initial-access', target: { team, kind: ['mail-server'] },
      exploits: VULNS.proxyLogon.id, timing: { at: d(start + 20 * M), jitter: '20m', duration: '10m' }, success: { base: 0.9, patched: 0 }, odds: { ids: 0.35, edr: 0.3, av: 0.2 },
      effects: ['compromise'], indicators: ind('scanner') })
    : S.add({ id: id('phish-link'), name: `${n.en}: credential phishing link`, technique: 'T1566.002', tactic: 'initial-access', target: { team, tags: ['exec'], pick: 2 },
      timing: { at: d(start + 20 * M), jitter: '30m', duration: '10m' }, success: { base: 0.5, hunting: 0.7, blocked: 0.05 }, odds: { edr: 0.3, ndr: 0.2 }, effects: ['compromise', 'steal-credentials'], indicators: ind('url') });
  const vpn = S.add({ id: id('vpn'), name: `${n.en}: Citrix Bleed session hijack`, technique: 'T1190', tactic: 'initial-access', target: { team, kind: ['vpn-gateway'] },
    exploits: VULNS.citrixBleed.id, timing: { at: d(start + 30 * M), jitter: '30m', duration: '10m' }, success: { base: 0.9, patched: 0 }, odds: { ids: 0.6, ndr: 0.5 },
    effects: ['compromise', 'steal-credentials'], indicators: ind('scanner'), retry: { times: 1, after: '1h' } });
  S.add({ id: id('moveit'), name: `${n.en}: MOVEit Transfer SQL injection`, technique: 'T1190', tactic: 'initial-access', target: { team, tags: ['file-transfer'] },
    exploits: VULNS.moveit.id, timing: { at: d(start + H), jitter: '1h', duration: '20m' }, success: { base: 0.85, patched: 0 }, odds: { ids: 0.3, edr: 0.4, av: 0.2 }, effects: ['compromise', 'exfiltrate'], indicators: ind('scanner') });
  const c2 = S.add({ id: id('c2'), name: `${n.en}: HTTPS beaconing`, technique: 'T1071.001', tactic: 'command-and-control', target: { team, state: 'compromised', kind: ['workstation', 'server', 'mail-server', 'vpn-gateway'] },
    requiresAny: [phish, second, vpn], timing: { after: '5m', jitter: '10m', duration: '5m' }, success: { base: 0.95, blocked: 0 }, odds: { ndr: 0.6, siem: 0.15, edr: 0.1 },
    effects: ['persist'], indicators: ind(`c2-${k + 1}`, `c2ip-${k + 1}`, 'ua'), retry: { times: 2, after: '45m' } });
  S.add({ id: id('dns'), name: `${n.en}: backup DNS channel`, technique: 'T1071.004', tactic: 'command-and-control', target: { sameAs: c2 }, requires: [c2],
    timing: { after: '30m', duration: '5m' }, success: { base: 0.9, blocked: 0 }, odds: { ndr: 0.4, siem: 0.1 }, effects: ['persist'], indicators: ind(`c2-${((k + 1) % 3) + 1}`) });
  const disc = S.add({ id: id('discovery'), name: `${n.en}: remote system discovery`, technique: 'T1018', tactic: 'discovery', target: { sameAs: c2 }, requires: [c2],
    timing: { after: '15m', jitter: '15m', duration: '20m' }, success: { base: 0.95, hunting: 0.7 }, odds: { ndr: 0.5, siem: 0.2, edr: 0.1 }, effects: ['compromise'] });
  const creds = S.add({ id: id('creds'), name: `${n.en}: LSASS dump`, technique: 'T1003.001', tactic: 'credential-access', target: { sameAs: c2 }, requires: [c2],
    timing: { after: '20m', jitter: '20m', duration: '10m' }, success: { base: 0.8, hunting: 0.5, blocked: 0.3 }, odds: { edr: 0.55, av: 0.3 }, effects: ['steal-credentials'], indicators: ind('dumper'), retry: { times: 2, after: '30m' } });
  const roast = S.add({ id: id('kerberoast'), name: `${n.en}: Kerberoasting`, technique: 'T1558.003', tactic: 'credential-access', target: { team, kind: ['domain-controller'], pick: 1 },
    requires: [disc], timing: { after: '30m', jitter: '30m', duration: '20m' }, success: { base: 0.7, hunting: 0.5, credentialsReset: 0.2 }, odds: { siem: 0.4, edr: 0.2 }, effects: ['steal-credentials'] });
  const zero = S.add({ id: id('zerologon'), name: `${n.en}: Zerologon`, technique: 'T1210', tactic: 'lateral-movement', target: { team, kind: ['domain-controller'] }, requires: [disc],
    exploits: VULNS.zerologon.id, timing: { after: '45m', jitter: '30m', duration: '10m' }, success: { base: 0.9, patched: 0 }, odds: { edr: 0.5, siem: 0.3, ndr: 0.3 }, effects: ['compromise', 'steal-credentials'], retry: { times: 1, after: '30m' } });
  const dc = S.add({ id: id('dc'), name: `${n.en}: SMB to the domain controllers`, technique: 'T1021.002', tactic: 'lateral-movement', target: { team, segment: `${team}-corp`, kind: ['domain-controller'] },
    requiresAny: [creds, roast], timing: { after: '30m', jitter: '30m', duration: '10m' }, success: { base: 0.85, credentialsReset: 0.1, hunting: 0.6 }, odds: { edr: 0.35, siem: 0.3, ndr: 0.4 }, effects: ['compromise'], retry: { times: 2, after: '45m' } });
  const ntds = S.add({ id: id('ntds'), name: `${n.en}: NTDS.dit theft`, technique: 'T1003.003', tactic: 'credential-access', target: { team, kind: ['domain-controller'], state: 'compromised' },
    requiresAny: [dc, zero], timing: { after: '10m', jitter: '20m', duration: '15m' }, success: { base: 0.9, hunting: 0.6 }, odds: { edr: 0.6, av: 0.2, siem: 0.25 }, effects: ['steal-credentials'], retry: { times: 2, after: '30m' } });
  const spreadCorp = S.add({ id: id('spread-corp'), name: `${n.en}: payload copied across the corporate network`, technique: 'T1021.002', tactic: 'lateral-movement',
    target: { team, segment: `${team}-corp`, kind: ['server', 'workstation'], pick: 40 }, requires: [ntds], timing: { after: '1h', jitter: '1h', duration: '1h' },
    success: { base: 0.9, credentialsReset: 0.05, hunting: 0.6, blocked: 0.4 }, odds: { edr: 0.3, av: 0.15, siem: 0.25, ndr: 0.3 }, effects: ['compromise'], indicators: ind('dropper', 'dropper-name') });
  const spreadDc = S.add({ id: id('spread-dc'), name: `${n.en}: WinRM into the data centre`, technique: 'T1021.006', tactic: 'lateral-movement',
    target: { team, zone: 'datacenter', kind: ['server', 'database', 'payment-switch'] }, requires: [ntds], timing: { after: '1h30m', jitter: '1h', duration: '45m' },
    success: { base: 0.8, credentialsReset: 0.05, hunting: 0.5, blocked: 0.3 }, odds: { honeypot: 0.95, edr: 0.3, ndr: 0.35, siem: 0.2 }, effects: ['compromise'], indicators: ind('dropper') });
  const jump = S.add({ id: id('jump'), name: `${n.en}: RDP to a jump host`, technique: 'T1021.001', tactic: 'lateral-movement', target: { team, segment: `${team}-mgmt`, tags: ['jump'], pick: 1 },
    requires: [ntds], timing: { after: '1h', jitter: '30m', duration: '10m' }, success: { base: 0.85, credentialsReset: 0.1 }, odds: { edr: 0.3, siem: 0.4, av: 0.1 }, effects: ['compromise'], retry: { times: 2, after: '45m' } });
  const otPivot = S.add({ id: id('ot-pivot'), name: `${n.en}: into the grid control network`, technique: 'T1021.001', tactic: 'lateral-movement',
    target: { team, zone: 'ot', kind: ['scada-server', 'historian', 'workstation'] }, requires: [jump], timing: { after: '1h', jitter: '1h', duration: '30m' },
    success: { base: 0.65, credentialsReset: 0.1, hunting: 0.5 }, odds: { ids: 0.5, edr: 0.3, av: 0.1 }, effects: ['compromise'], retry: { times: 1, after: '1h' } });
  const hmi = S.add({ id: id('ot-hmi'), name: `${n.en}: EternalBlue on operator HMIs`, technique: 'T1210', tactic: 'lateral-movement', target: { team, segment: `${team}-ot`, kind: ['hmi'] },
    requires: [otPivot], exploits: VULNS.eternalBlue.id, timing: { after: '20m', jitter: '20m', duration: '10m' }, success: { base: 0.85, patched: 0 }, odds: { ids: 0.6, edr: 0.4, av: 0.2 }, effects: ['compromise', 'persist'] });
  const cloud = S.add({ id: id('cloud'), name: `${n.en}: stolen admin token in the cloud tenant`, technique: 'T1078.004', tactic: 'persistence', target: { team, zone: 'cloud', pick: 3 },
    requires: [ntds], timing: { after: '2h', jitter: '1h', duration: '15m' }, success: { base: 0.8, credentialsReset: 0.1 }, odds: { siem: 0.3, dlp: 0.1 }, effects: ['compromise'] });
  S.add({ id: id('exfil'), name: `${n.en}: exfiltration of crown-jewel databases`, technique: 'T1041', tactic: 'exfiltration', target: { team, tags: ['crown-jewels'], minCriticality: 5, state: 'compromised' },
    requires: [spreadDc], timing: { after: '2h', jitter: '1h', duration: '1h' }, success: { base: 0.85, blocked: 0 }, odds: { ndr: 0.4, siem: 0.2, edr: 0.1 }, effects: ['exfiltrate'], indicators: ind(`c2-${k + 1}`), objective: obj('exfil') });
  S.add({ id: id('exfil-cloud'), name: `${n.en}: cloud data to attacker storage`, technique: 'T1567.002', tactic: 'exfiltration', target: { sameAs: cloud }, requires: [cloud],
    timing: { after: '1h', duration: '1h' }, success: { base: 0.8, blocked: 0.1 }, odds: { dlp: 0.5, siem: 0.2 }, effects: ['exfiltrate'], indicators: ind('exfil') });
  const persist = S.add({ id: id('persist'), name: `${n.en}: service persistence`, technique: 'T1543.003', tactic: 'persistence', target: { team, zone: 'corporate', state: 'compromised' },
    requires: [spreadCorp], timing: { after: '15m', duration: '30m' }, success: { base: 0.9, hunting: 0.5, blocked: 0.2 }, odds: { edr: 0.5, av: 0.2, siem: 0.2 }, effects: ['persist'], indicators: ind('persist', 'dropper') });
  const task = S.add({ id: id('task'), name: `${n.en}: scheduled detonation task`, technique: 'T1053.005', tactic: 'persistence',
    target: { team, state: 'compromised', kind: ['server', 'database', 'payment-switch', 'scada-server', 'historian', 'hmi', 'workstation'] },
    requiresAny: [spreadDc, hmi, persist], timing: { after: '30m', jitter: '30m', duration: '20m' }, success: { base: 0.9, hunting: 0.5, blocked: 0.3 }, odds: { edr: 0.45, siem: 0.2, av: 0.1 }, effects: ['persist'], indicators: ind('mutex') });
  S.add({ id: id('evade'), name: `${n.en}: security tools disabled`, technique: 'T1562.001', tactic: 'defense-evasion', target: { team, state: 'persistent', pick: 20 },
    requires: [persist], timing: { after: '1h', duration: '15m' }, success: { base: 0.8, hunting: 0.6 }, odds: { edr: 0.5, av: 0.4, siem: 0.2 }, effects: ['persist'] });
  S.add({ id: id('inhibit'), name: `${n.en}: backups destroyed`, technique: 'T1490', tactic: 'impact', target: { team, tags: ['backup'] }, requires: [ntds],
    timing: { at: d(impact - 20 * M), duration: '15m' }, success: { base: 0.85, credentialsReset: 0.1, hunting: 0.7 }, odds: { edr: 0.6, av: 0.3, siem: 0.3 }, effects: ['wipe'], objective: obj('no-recovery') });
  const impactStep = S.add(c === 'wiper'
    ? { id: id('wipe'), name: `${n.en}: disk wiper detonates`, technique: 'T1561.002', tactic: 'impact', target: { team, state: 'persistent' }, requires: [task],
      timing: { at: d(impact), duration: '10m' }, success: { base: 0.95, hunting: 0.9, blocked: 0.1 }, odds: { edr: 0.7, av: 0.5, siem: 0.4 }, detectionDelay: '1m',
      effects: ['wipe', 'disrupt-service'], indicators: ind('payload', 'payload-md5', 'note'), objective: obj('impact') }
    : { id: id('encrypt'), name: `${n.en}: ransomware encrypts`, technique: 'T1486', tactic: 'impact', target: { team, state: 'persistent' }, requires: [task],
      timing: { at: d(impact), duration: '30m' }, success: { base: 0.95, hunting: 0.9, blocked: 0.1 }, odds: { edr: 0.7, av: 0.5, siem: 0.4 }, detectionDelay: '1m',
      effects: ['encrypt', 'disrupt-service'], indicators: ind('payload', 'payload-md5', 'note'), objective: obj('impact') });
  S.add({ id: id('ot-stop'), name: `${n.en}: historian stopped`, technique: 'T1489', tactic: 'impact', target: { team, zone: 'ot', kind: ['historian'], state: 'compromised' },
    requires: [otPivot], service: 'historian', timing: { at: d(impact + 5 * M), duration: '5m' }, success: { base: 0.9, hunting: 0.6 }, odds: { ids: 0.2, edr: 0.3, av: 0.1 }, effects: ['disrupt-service'], objective: obj('ot') });
  S.add(c === 'wiper'
    ? { id: id('reboot'), name: `${n.en}: forced reboot`, technique: 'T1529', tactic: 'impact', target: { sameAs: impactStep }, requires: [impactStep], timing: { after: '1m', duration: '2m' },
      success: { base: 1 }, odds: { siem: 0.9, edr: 0.5 }, effects: ['disrupt-service'] }
    : { id: id('note'), name: `${n.en}: ransom note wallpaper`, technique: 'T1491.001', tactic: 'impact', target: { sameAs: impactStep }, requires: [impactStep], timing: { after: '1m', duration: '2m' },
      success: { base: 1 }, effects: ['deface'], indicators: ind('note') });
  return [ntds, otPivot];
}

/** The three campaigns and the starting posture (which needs the indicator ids). */
export function buildCampaigns(cov: Coverage): { campaigns: CampaignT[]; posture: PostureT[] } {
  const S = new Steps(cov);
  const hooks = new Map<string, string[]>();
  NATIONS.forEach((n, t) => hooks.set(n.id, nationChain(S, n, t)));
  const wiperSteps = S.list.filter((s) => NATIONS.find((n) => s.id.startsWith(`${n.id}-`))?.campaign === 'wiper');
  const ransomSteps = S.list.filter((s) => !wiperSteps.includes(s));
  const shared = new Steps(cov);
  const ntdsAll = NATIONS.map((n) => (hooks.get(n.id) as string[])[0] as string);
  const otGrid = GRID_TEAMS.map((id) => (hooks.get(id) as string[])[1] as string);
  shared.add({ id: 'cx-pivot', name: 'Coalition exchange: pivot from a member through the relay trust', technique: 'T1199', tactic: 'initial-access',
    target: { segment: 'coalition-exchange', kind: ['server'], pick: 2 }, requiresAny: ntdsAll, timing: { after: '2h', jitter: '1h', duration: '20m' },
    success: { base: 0.8, hunting: 0.5 }, odds: { edr: 0.4, ids: 0.3, siem: 0.3 }, effects: ['compromise'], retry: { times: 2, after: '1h' } });
  shared.add({ id: 'cx-spread', name: 'Coalition exchange: spread to the switches and ledger', technique: 'T1021.002', tactic: 'lateral-movement', target: { segment: 'coalition-exchange' },
    requires: ['cx-pivot'], timing: { after: '1h', jitter: '30m', duration: '45m' }, success: { base: 0.75, hunting: 0.5, blocked: 0.4 }, odds: { edr: 0.35, ids: 0.3, siem: 0.3, dlp: 0.05 },
    effects: ['compromise'], indicators: ['ioc-w-dropper', 'ioc-w-dropper-name'] });
  shared.add({ id: 'cx-task', name: 'Coalition exchange: detonation task', technique: 'T1053.005', tactic: 'persistence', target: { segment: 'coalition-exchange', state: 'compromised' },
    requires: ['cx-spread'], timing: { after: '20m', duration: '20m' }, success: { base: 0.9, hunting: 0.5 }, odds: { edr: 0.45, siem: 0.2 }, effects: ['persist'], indicators: ['ioc-w-mutex'] });
  shared.add({ id: 'cx-stop', name: 'Regional payment switch: authorisation stopped', technique: 'T1489', tactic: 'impact', target: { segment: 'coalition-exchange', kind: ['payment-switch'], state: 'compromised' },
    requires: ['cx-spread'], service: 'iso8583-auth', timing: { at: '23h55m', duration: '5m' }, success: { base: 0.9, hunting: 0.7 }, odds: { edr: 0.5, siem: 0.6 }, effects: ['disrupt-service'], objective: 'obj-w-switch' });
  shared.add({ id: 'cx-wipe', name: 'Coalition exchange: wiper detonates', technique: 'T1561.002', tactic: 'impact', target: { segment: 'coalition-exchange', state: 'persistent' },
    requires: ['cx-task'], timing: { at: '1d', duration: '10m' }, success: { base: 0.95, hunting: 0.9, blocked: 0.1 }, odds: { edr: 0.7, siem: 0.5 }, effects: ['wipe', 'disrupt-service'],
    indicators: ['ioc-w-payload', 'ioc-w-note'], objective: 'obj-w-switch' });
  shared.add({ id: 'gi-pivot', name: 'Grid interconnect: pivot from a member control centre', technique: 'T1021.001', tactic: 'lateral-movement',
    target: { segment: 'grid-interconnect', kind: ['scada-server', 'historian'] }, requiresAny: otGrid, timing: { after: '1h', jitter: '1h', duration: '30m' },
    success: { base: 0.7, hunting: 0.5 }, odds: { ids: 0.5 }, effects: ['compromise'], retry: { times: 1, after: '1h' } });
  shared.add({ id: 'gi-hmi', name: 'Grid interconnect: EternalBlue on HMIs', technique: 'T1210', tactic: 'lateral-movement', target: { segment: 'grid-interconnect', kind: ['hmi'] },
    requires: ['gi-pivot'], exploits: VULNS.eternalBlue.id, timing: { after: '20m', duration: '10m' }, success: { base: 0.85, patched: 0 }, odds: { ids: 0.6 }, effects: ['compromise', 'persist'] });
  shared.add({ id: 'gi-stop', name: 'Grid interconnect: SCADA master stopped', technique: 'T1489', tactic: 'impact', target: { nodes: ['gi-scada01'], state: 'compromised' },
    requires: ['gi-pivot'], service: 'scada', timing: { at: '1d2h', duration: '5m' }, success: { base: 0.9, hunting: 0.6 }, odds: { ids: 0.3 }, effects: ['disrupt-service'], objective: 'obj-w-grid' });
  const ht = new Steps(cov);
  ht.add({ id: 'ht-web', name: 'Hacktivists: Log4Shell on public portals', technique: 'T1190', tactic: 'initial-access', target: { zone: 'dmz', kind: ['web-server'], tags: ['public-portal'], pick: 12 },
    exploits: VULNS.log4shell.id, timing: { at: '1d6h', jitter: '30m', duration: '15m' }, success: { base: 0.9, patched: 0 }, odds: { ids: 0.5, ndr: 0.5, edr: 0.3 }, effects: ['compromise'], indicators: ['ioc-h-ip'] });
  ht.add({ id: 'ht-deface', name: 'Hacktivists: portal defacement', technique: 'T1491.002', tactic: 'impact', target: { sameAs: 'ht-web' }, requires: ['ht-web'],
    timing: { after: '5m', duration: '5m' }, success: { base: 0.95 }, odds: { edr: 0.3, ids: 0.2 }, detectionDelay: '10m', effects: ['deface'], indicators: ['ioc-h-ip'], objective: 'obj-h-claim' });
  ht.add({ id: 'ht-ddos', name: 'Hacktivists: DDoS on public portals', technique: 'T1498', tactic: 'impact', target: { tags: ['public-portal'], minCriticality: 3, pick: 10 }, service: 'https',
    timing: { at: '1d8h', jitter: '30m', duration: '15m' }, success: { base: 0.7, blocked: 0.3 }, odds: { ids: 0.9, ndr: 0.9 }, effects: ['disrupt-service'], indicators: ['ioc-h-botnet'], objective: 'obj-h-claim' });
  const objectives = (p: string, extra: [string, string][] = []) => [
    ['exfil', 'Steal crown-jewel data'], ['no-recovery', 'Destroy online backups'], ['impact', p === 'w' ? 'Wipe national IT estates' : 'Encrypt national IT estates'], ['ot', 'Blind grid operators'], ...extra,
  ].map(([id, name]) => ({ id: `obj-${p}-${id}`, name: name as string }));
  const campaigns: CampaignT[] = [
    { id: 'stress-wiper', name: { en: 'Black Dune (wiper)', ar: 'الكثيب الأسود (برمجية مسح)' }, actor: 'Shamoon-style destructive group', mode: 'scripted',
      objectives: objectives('w', [['switch', 'Stop the regional payment switch'], ['grid', 'Stop the regional grid interconnect']]), indicators: indicators('wiper'), steps: [...wiperSteps, ...shared.list] },
    { id: 'stress-ransom', name: { en: 'Silent Ward (ransomware)', ar: 'الجناح الصامت (برمجية فدية)' }, actor: 'Ransomware-as-a-service affiliate',
      objectives: objectives('r'), indicators: indicators('ransom'), steps: ransomSteps },
    { id: 'stress-hacktivist', name: { en: 'Sword of the Sands (hacktivists)', ar: 'سيف الرمال (قراصنة ناشطون)' }, mode: 'scripted',
      objectives: [{ id: 'obj-h-claim', name: { en: 'Claim the attacks publicly', ar: 'تبني الهجمات علنًا' } }],
      indicators: [{ id: 'ioc-h-ip', kind: 'ipv4', value: '192.0.2.131' }, { id: 'ioc-h-botnet', kind: 'ipv4', value: '192.0.2.66' }], steps: ht.list },
  ];
  const posture: PostureT[] = NATIONS.flatMap((n): PostureT[] => {
    const p = n.campaign === 'wiper' ? 'w' : 'r';
    if (n.tier === 0) return [{ team: n.id, patched: [VULNS.zerologon.id, VULNS.citrixBleed.id], blocked: [`ioc-${p}-scanner`], hunting: [`${n.id}-dc`] }];
    if (n.tier === 1) return [{ team: n.id, patched: [VULNS.proxyLogon.id], blocked: ['ioc-h-botnet'] }];
    return [];
  });
  return { campaigns, posture };
}
