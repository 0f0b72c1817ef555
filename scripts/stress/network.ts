// biome-ignore-all format: a table, one entry a line so that it reads as one
/**
 * The stress scenario's network: twelve national networks of 168 nodes (six segments each, sensors,
 * backups and patch levels set by the nation's maturity tier) and two shared segments.
 */
import type { NetworkT, NodeT, SegmentT, SensorT } from '../../engine/index.ts';
import { NATIONS, type Nation } from './nations.ts';
import type { Rng } from './prng.ts';

export const VULNS = {
  citrixBleed: { id: 'CVE-2023-4966', cvss: 9.4, technique: 'T1190' },
  proxyLogon: { id: 'CVE-2021-26855', cvss: 9.1, technique: 'T1190' },
  moveit: { id: 'CVE-2023-34362', cvss: 9.8, technique: 'T1190' },
  log4shell: { id: 'CVE-2021-44228', cvss: 10, technique: 'T1190' },
  zerologon: { id: 'CVE-2020-1472', cvss: 10, technique: 'T1210' },
  eternalBlue: { id: 'CVE-2017-0144', cvss: 8.1, technique: 'T1210' },
} as const;
type VulnKey = keyof typeof VULNS;

/** Departments of the 100 corporate workstations, with how many of each. */
const DEPARTMENTS: [string, number][] = [['hr', 8], ['finance', 15], ['engineering', 40], ['exec', 5], ['it-admin', 7], ['helpdesk', 5], ['operations', 20]];
const SEGMENTS = [['dmz', 'dmz', 1], ['corp', 'corporate', 10], ['dc', 'datacenter', 20], ['ot', 'ot', 30], ['mgmt', 'management', 5], ['cloud', 'cloud', 40]] as const;
const SEG_NAMES: Record<string, [string, string]> = {
  dmz: ['internet edge', 'الحافة الخارجية'], corp: ['corporate network', 'الشبكة المؤسسية'], dc: ['national data centre', 'مركز البيانات الوطني'],
  ot: ['grid control network', 'شبكة التحكم في الكهرباء'], mgmt: ['management network', 'شبكة الإدارة'], cloud: ['government cloud tenant', 'المستأجر السحابي الحكومي'],
};

const segmentSensors = (tier: number, seg: string): SensorT[] => {
  const table: Record<string, SensorT[][]> = {
    dmz: [['ids', 'ndr'], ['ids'], [{ kind: 'ids', quality: 0.7 }]],
    corp: [['ndr', { kind: 'siem', falsePositivesPerHour: 0.5 }], [{ kind: 'siem', falsePositivesPerHour: 2 }], []],
    dc: [['ndr', 'siem'], ['siem'], [{ kind: 'siem', quality: 0.6, falsePositivesPerHour: 4 }]],
    ot: [['ids'], [{ kind: 'ids', quality: 0.8 }], []],
    mgmt: [['siem'], ['siem'], []],
    cloud: [['siem', 'dlp'], ['siem'], []],
  };
  return table[seg]?.[tier] ?? [];
};

/** What a team's network is made of, for the campaign and inject generators. */
export interface TeamNet {
  nation: Nation;
  nodes: NodeT[];
  segments: SegmentT[];
}

function teamNetwork(n: Nation, t: number, r: Rng): TeamNet {
  const nodes: NodeT[] = [];
  const counters: Record<string, number> = {};
  const patchP = [0.8, 0.4, 0.1][n.tier] as number;
  const offlineP = [0.9, 0.5, 0.1][n.tier] as number;
  const hostSensors = (kind: 'ws' | 'srv' | 'dc' | 'ot'): SensorT[] | undefined => {
    if (n.tier === 0) return kind === 'ws' ? [{ kind: 'edr', quality: 0.9, falsePositivesPerHour: 0.1 }] : ['edr'];
    if (n.tier === 1) return kind === 'dc' ? ['edr'] : kind === 'ot' ? (r.chance(0.5) ? ['av'] : undefined) : r.chance(0.3) ? ['edr'] : ['av'];
    if (kind === 'dc') return ['av'];
    if (kind === 'ws') return r.chance(0.6) ? [{ kind: 'av', quality: 0.6 }] : undefined;
    return kind === 'srv' && r.chance(0.2) ? ['av'] : undefined;
  };
  const vuln = (k: VulnKey, patchTime: string) => {
    const v = VULNS[k];
    return r.chance(patchP) ? { ...v, patched: true, patchTime } : { ...v, patchTime };
  };
  const backup = (restore: [number, number]) => ({
    restoreTime: `${r.int(restore[0], restore[1])}h`, offline: r.chance(offlineP), age: r.pick(['6h', '12h', '1d', '3d', '7d']),
  });
  const add = (seg: string, kind: NodeT['kind'], short: string, crit: number, extra: Partial<NodeT> = {}): void => {
    const c = (counters[seg + short] = (counters[seg + short] ?? 0) + 1);
    const segNum = SEGMENTS.find((s) => s[0] === seg)?.[2] ?? 0;
    const host = (counters[seg] = (counters[seg] ?? 0) + 1) + 9;
    nodes.push({
      id: `${n.id}-${seg}-${short}${String(c).padStart(short === 'ws' ? 3 : 2, '0')}`, segment: `${n.id}-${seg}`, kind,
      criticality: crit, ip: `10.${100 + t}.${segNum}.${host}`, ...extra,
    });
  };
  const svc = (id: string, availability: number, port?: number, critical?: boolean) =>
    ({ id, ...(port !== undefined ? { port } : {}), availability, ...(critical ? { critical } : {}) });

  // Internet edge
  add('dmz', 'firewall', 'fw', 4, { os: 'PAN-OS 10.2' });
  add('dmz', 'vpn-gateway', 'vpn', 4, { os: 'NetScaler ADC 13.1', services: [svc('ssl-vpn', 0.99, 443)], vulnerabilities: [vuln('citrixBleed', '2h')] });
  for (let i = 0; i < 3; i++) {
    add('dmz', 'web-server', 'web', 3, {
      os: 'Ubuntu 22.04 + Tomcat 9', services: [svc('https', 0.99, 443, i === 0)], sensors: hostSensors('srv'), tags: ['public-portal'],
      ...(i < 2 ? { vulnerabilities: [vuln('log4shell', '1h')] } : {}),
    });
  }
  add('dmz', 'mail-server', 'mail', 3, { os: 'Exchange Server 2016', services: [svc('smtp', 0.99, 25), svc('owa', 0.98, 443)], vulnerabilities: [vuln('proxyLogon', '1h')], sensors: hostSensors('srv') });
  add('dmz', 'server', 'mft', 3, { os: 'MOVEit Transfer 2023.0', services: [svc('mft', 0.98, 443)], vulnerabilities: [vuln('moveit', '1h')], sensors: hostSensors('srv'), tags: ['file-transfer'] });
  add('dmz', 'server', 'dns', 4, { os: 'BIND 9.18', services: [svc('dns', 0.999, 53, true)] });
  // Corporate
  for (let i = 0; i < 2; i++) {
    add('corp', 'domain-controller', 'dc', 5, {
      os: 'Windows Server 2019', services: [svc('ad', 0.999, 389, true)], vulnerabilities: [vuln('zerologon', '1h')], sensors: hostSensors('dc'), backup: backup([2, 4]), tags: ['ad'],
    });
  }
  for (let i = 0; i < 3; i++) add('corp', 'server', 'fs', 3, { os: 'Windows Server 2016', services: [svc('smb', 0.98, 445)], sensors: hostSensors('srv'), backup: backup([2, 6]), tags: ['file-server'] });
  for (let i = 0; i < 5; i++) add('corp', 'server', 'app', 3, { os: 'Windows Server 2019', services: [svc('intranet', 0.97, 443)], sensors: hostSensors('srv'), backup: backup([1, 4]) });
  for (const [dept, count] of DEPARTMENTS) {
    for (let i = 0; i < count; i++) add('corp', 'workstation', 'ws', dept === 'exec' || dept === 'it-admin' ? 3 : 2, { os: 'Windows 11 23H2', sensors: hostSensors('ws'), tags: [dept] });
  }
  // Data centre
  for (let i = 0; i < 6; i++) {
    add('dc', 'database', 'db', i < 3 ? 5 : 4, {
      os: r.pick(['Oracle Database 19c', 'SQL Server 2019', 'PostgreSQL 15']), services: [svc('db', 0.995, r.pick([1521, 1433, 5432]), i < 3)],
      sensors: hostSensors('srv'), backup: backup([3, 8]), tags: i < 3 ? ['crown-jewels'] : ['records'],
    });
  }
  for (let i = 0; i < 14; i++) add('dc', 'server', 'app', i < 4 ? 4 : 3, { os: 'Windows Server 2022', services: [svc('app', 0.99, 443, i < 4)], sensors: hostSensors('srv'), backup: backup([1, 6]) });
  for (let i = 0; i < 2; i++) add('dc', 'server', 'bkp', 4, { os: 'Veeam B&R 12', services: [svc('backup', 0.98, 9392)], sensors: hostSensors('srv'), tags: ['backup'] });
  add('dc', 'payment-switch', 'pay', 5, { os: 'RHEL 9', services: [svc('iso8583-auth', 0.9995, 8583, true)], sensors: hostSensors('srv'), backup: backup([2, 4]), tags: ['payments'] });
  add('dc', 'server', 'hv', 4, { os: 'VMware ESXi 7.0', services: [svc('hypervisor', 0.999, 443, true)] });
  if (n.tier === 0) add('dc', 'server', 'hp', 1, { os: 'Windows Server 2019', sensors: ['honeypot'], tags: ['decoy'] });
  else add('dc', 'server', 'app', 3, { os: 'Windows Server 2022', services: [svc('app', 0.99, 443)], sensors: hostSensors('srv') });
  // Grid control
  add('ot', 'scada-server', 'scada', 5, { os: 'Windows Server 2016', services: [svc('scada', 0.999, 20000, true)], sensors: hostSensors('ot'), backup: backup([4, 8]) });
  add('ot', 'historian', 'hist', 4, { os: 'Windows Server 2016', services: [svc('historian', 0.99, 5450)], sensors: hostSensors('ot'), backup: backup([3, 6]) });
  for (let i = 0; i < 5; i++) add('ot', 'hmi', 'hmi', 4, { os: 'Windows 7 Embedded', services: [svc('hmi', 0.995, undefined, true)], vulnerabilities: [vuln('eternalBlue', '4h')], sensors: hostSensors('ot') });
  for (let i = 0; i < 2; i++) add('ot', 'workstation', 'ews', 4, { os: 'Windows 10 LTSC', sensors: hostSensors('ot'), tags: ['ot-engineering'] });
  for (let i = 0; i < 6; i++) add('ot', 'plc', 'plc', 5, { os: 'Siemens S7-1500', services: [svc('control', 0.9995, 102, true)] });
  // Management and cloud
  for (let i = 0; i < 2; i++) add('mgmt', 'server', 'jump', 4, { os: 'Windows Server 2022', sensors: hostSensors('srv'), tags: ['jump'] });
  add('mgmt', 'server', 'siem', 3, { os: 'Ubuntu 22.04', services: [svc('siem', 0.99, 443)] });
  add('mgmt', 'server', 'pam', 4, { os: 'Windows Server 2022', services: [svc('pam', 0.995, 443, true)], sensors: hostSensors('srv') });
  add('mgmt', 'router', 'rtr', 4, { os: 'IOS XE 17' });
  for (const name of ['mail', 'files', 'crm', 'hr', 'identity']) {
    add('cloud', 'cloud-service', 'saas', name === 'identity' ? 5 : 3, { name: `Cloud ${name}`, services: [svc(`saas-${name}`, 0.999)], tags: ['saas', name] });
  }
  const segments: SegmentT[] = SEGMENTS.map(([seg, zone, num]) => {
    const sensors = segmentSensors(n.tier, seg);
    const [en, ar] = SEG_NAMES[seg] as [string, string];
    return { id: `${n.id}-${seg}`, name: { en: `${n.en} ${en}`, ar: `${ar} في ${n.ar}` }, owner: n.id, zone, ...(sensors.length ? { sensors } : {}), cidr: `10.${100 + t}.${num}.0/24` };
  });
  return { nation: n, nodes, segments };
}

/** Teams 3 to 8 share the regional grid interconnect; everybody shares the coalition exchange. */
export const GRID_TEAMS = NATIONS.slice(3, 9).map((n) => n.id);

function sharedNetwork(): { segments: SegmentT[]; nodes: NodeT[] } {
  const owner = NATIONS[0] as Nation;
  const gridOwner = NATIONS[4] as Nation;
  const segments: SegmentT[] = [
    { id: 'coalition-exchange', name: { en: 'Coalition exchange (intel platform and regional payment switch)', ar: 'منصة التبادل في التحالف (منصة المعلومات ومحوّل المدفوعات الإقليمي)' },
      owner: owner.id, zone: 'shared', sharedWith: NATIONS.slice(1).map((n) => n.id), sensors: ['ids', 'siem'], cidr: '172.16.10.0/24' },
    { id: 'grid-interconnect', name: { en: 'Regional grid interconnect control', ar: 'التحكم في الربط الكهربائي الإقليمي' },
      owner: gridOwner.id, zone: 'shared', sharedWith: GRID_TEAMS.filter((id) => id !== gridOwner.id), sensors: [{ kind: 'ids', quality: 0.8 }], cidr: '172.16.20.0/24' },
  ];
  const nodes: NodeT[] = [];
  const x = (id: string, kind: NodeT['kind'], crit: number, extra: Partial<NodeT>, seg: string, host: number): void => {
    nodes.push({ id, segment: seg, kind, criticality: crit, ip: `172.16.${seg === 'coalition-exchange' ? 10 : 20}.${host}`, ...extra });
  };
  x('cx-misp01', 'server', 4, { name: 'Coalition MISP', services: [{ id: 'misp', port: 443, availability: 0.995, critical: true }], sensors: ['edr'] }, 'coalition-exchange', 10);
  x('cx-misp02', 'server', 3, { name: 'Coalition MISP replica', services: [{ id: 'misp', port: 443, availability: 0.99 }], sensors: ['edr'] }, 'coalition-exchange', 11);
  x('cx-portal01', 'web-server', 3, { services: [{ id: 'https', port: 443, availability: 0.99 }], tags: ['public-portal'] }, 'coalition-exchange', 20);
  for (let i = 1; i <= 4; i++) x(`cx-relay0${i}`, 'server', 3, { services: [{ id: 'relay', port: 8443, availability: 0.99 }], ...(i <= 2 ? { sensors: ['edr'] } : {}) }, 'coalition-exchange', 30 + i);
  for (let i = 1; i <= 2; i++) x(`cx-switch0${i}`, 'payment-switch', 5, { services: [{ id: 'iso8583-auth', port: 8583, availability: 0.9995, critical: true }], sensors: ['edr'], backup: { restoreTime: '3h', offline: i === 1 }, tags: ['payments'] }, 'coalition-exchange', 40 + i);
  x('cx-db01', 'database', 5, { services: [{ id: 'settlement', port: 1521, availability: 0.999, critical: true }], sensors: ['edr', 'dlp'], backup: { restoreTime: '6h', offline: true } }, 'coalition-exchange', 50);
  x('gi-scada01', 'scada-server', 5, { services: [{ id: 'scada', port: 20000, availability: 0.999, critical: true }], backup: { restoreTime: '8h', offline: true } }, 'grid-interconnect', 10);
  x('gi-hist01', 'historian', 4, { services: [{ id: 'historian', port: 5450, availability: 0.99 }] }, 'grid-interconnect', 11);
  for (let i = 1; i <= 3; i++) x(`gi-hmi0${i}`, 'hmi', 4, { services: [{ id: 'hmi', availability: 0.995, critical: true }], vulnerabilities: [{ ...VULNS.eternalBlue }] }, 'grid-interconnect', 20 + i);
  for (let i = 1; i <= 5; i++) x(`gi-plc0${i}`, 'plc', 5, { services: [{ id: 'control', port: 102, availability: 0.9995, critical: true }] }, 'grid-interconnect', 100 + i);
  return { segments, nodes };
}

/** The whole network, and each team's part of it. */
export function buildNetwork(r: Rng): { network: NetworkT; teams: TeamNet[] } {
  const teams = NATIONS.map((n, t) => teamNetwork(n, t, r));
  const shared = sharedNetwork();
  const links: NonNullable<NetworkT['links']> = [];
  for (const { nation: { id } } of teams) {
    links.push({ from: `${id}-dmz`, to: `${id}-corp`, kind: 'lan' }, { from: `${id}-corp`, to: `${id}-dc`, kind: 'lan' }, { from: `${id}-corp`, to: `${id}-ot`, kind: 'lan' });
    links.push({ from: `${id}-mgmt`, to: `${id}-dc`, kind: 'lan' }, { from: `${id}-mgmt`, to: `${id}-ot`, kind: 'lan' }, { from: `${id}-corp`, to: `${id}-cloud`, kind: 'internet' });
    links.push({ from: `${id}-dc`, to: 'coalition-exchange', kind: 'wan' });
    if (GRID_TEAMS.includes(id)) links.push({ from: `${id}-ot`, to: 'grid-interconnect', kind: 'serial' });
  }
  return {
    network: { segments: [...teams.flatMap((t) => t.segments), ...shared.segments], nodes: [...teams.flatMap((t) => t.nodes), ...shared.nodes], links },
    teams,
  };
}
