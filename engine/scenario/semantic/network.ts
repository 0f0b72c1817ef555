/** Teams and network: roles, segment owners and sharing, node segments, links, node details. */
import type { PathSegment } from '../../lib/diagnostic.ts';
import { checkTechniqueId } from './attack.ts';
import type { Ctx } from './context.ts';
import { warnRepeats } from './ids.ts';

/** A reference to a team that must exist and be blue. */
export function blueTeamRef(ctx: Ctx, path: readonly PathSegment[], id: string, what: string): boolean {
  const team = ctx.ref(path, id, ctx.tables.teams, 'team');
  if (!team) return false;
  if (team.value.role !== 'blue') {
    ctx.error(path, `${what} must be a blue team; "${id}" is the ${team.value.role} team`);
    return false;
  }
  return true;
}

export function checkTeams(ctx: Ctx): void {
  const { s } = ctx;
  const whites = s.teams.map((t, i) => ({ t, i })).filter(({ t }) => t.role === 'white');
  if (whites.length === 0) ctx.error(['teams'], 'no white team: add the exercise control cell, a team with role: white');
  for (const { t, i } of whites.slice(1)) {
    ctx.error(['teams', i, 'role'], `a second white team ("${t.id}"): an exercise has exactly one white cell (first: "${whites[0]?.t.id}")`);
  }
  if (!s.teams.some((t) => t.role === 'blue')) ctx.error(['teams'], 'no blue team: add at least one team with role: blue to defend the network');
  const languages = s.meta.languages;
  warnRepeats(ctx, languages, ['meta', 'languages'], 'language');
  warnRepeats(ctx, s.meta.modes, ['meta', 'modes'], 'mode');
  s.teams.forEach((t, i) => {
    if (t.language !== undefined && languages && !languages.includes(t.language)) {
      ctx.warn(['teams', i, 'language'], `language "${t.language}" is not among meta.languages (${languages.join(', ')})`);
    }
    if (t.role === 'blue' && !ctx.tables.teamNodes.has(t.id)) {
      ctx.warn(['teams', i], `blue team "${t.id}" owns no segment with nodes: it has nothing to defend`);
    }
  });
  if (s.campaigns.some((c) => c.mode === 'manual') && !s.teams.some((t) => t.role === 'red')) {
    const ci = s.campaigns.findIndex((c) => c.mode === 'manual');
    ctx.warn(['campaigns', ci, 'mode'], 'a manual campaign waits for the red cell to launch each step, but there is no team with role: red');
  }
  if (s.meta.speed !== undefined && !s.meta.modes.includes('realtime')) {
    ctx.warn(['meta', 'speed'], 'speed only applies in realtime mode, which meta.modes does not list');
  }
  if (ctx.endMs === 0) ctx.error(['meta', 'duration'], 'the exercise must last longer than 0');
}

export function checkNetwork(ctx: Ctx): void {
  const { s, tables } = ctx;
  s.network.segments.forEach((seg, i) => {
    const base: PathSegment[] = ['network', 'segments', i];
    blueTeamRef(ctx, [...base, 'owner'], seg.owner, 'a segment owner');
    seg.sharedWith?.forEach((id, k) => {
      if (id === seg.owner) ctx.warn([...base, 'sharedWith', k], `"${id}" owns this segment; sharing it with its owner does nothing`);
      else blueTeamRef(ctx, [...base, 'sharedWith', k], id, 'a segment can only be shared with a blue team, so it');
    });
    warnRepeats(ctx, seg.sharedWith, [...base, 'sharedWith'], 'team');
  });
  const ips = new Map<string, number>();
  const cidrs = new Map<string, Cidr>();
  s.network.segments.forEach((seg, i) => {
    if (seg.cidr === undefined) return;
    const cidr = parseCidr(seg.cidr);
    if (cidr) cidrs.set(seg.id, cidr);
    else ctx.warn(['network', 'segments', i, 'cidr'], `"${seg.cidr}" is not an IPv4 CIDR block like 10.1.0.0/16`);
  });
  s.network.nodes.forEach((node, i) => {
    const base: PathSegment[] = ['network', 'nodes', i];
    if (!tables.segments.has(node.segment)) ctx.ref([...base, 'segment'], node.segment, tables.segments, 'segment');
    node.vulnerabilities?.forEach((v, k) => {
      if (v.technique !== undefined) checkTechniqueId(ctx, [...base, 'vulnerabilities', k, 'technique'], v.technique);
    });
    if (node.ip !== undefined) {
      const ip = parseIpv4(node.ip);
      const cidr = cidrs.get(node.segment);
      if (ip === undefined && !IPV6.test(node.ip)) ctx.warn([...base, 'ip'], `"${node.ip}" is not an IPv4 or IPv6 address`);
      else if (ip !== undefined && cidr && (ip & cidr.mask) >>> 0 !== cidr.network) {
        ctx.warn([...base, 'ip'], `${node.ip} is outside the segment's address block ${s.network.segments.find((x) => x.id === node.segment)?.cidr}`);
      }
      const first = ips.get(node.ip);
      if (first !== undefined) ctx.warn([...base, 'ip'], `IP address ${node.ip} is also used by node "${s.network.nodes[first]?.id}"`);
      else ips.set(node.ip, i);
    }
  });
  const links = new Set<string>();
  s.network.links?.forEach((link, i) => {
    const base: PathSegment[] = ['network', 'links', i];
    for (const end of ['from', 'to'] as const) {
      const id = link[end];
      const isSegment = tables.segments.has(id);
      const isNode = tables.nodes.has(id);
      if (isSegment && isNode) ctx.error([...base, end], `"${id}" names both a segment and a node; rename one so the link is unambiguous`);
      else if (!isSegment && !isNode) ctx.ref([...base, end], id, new Map<string, unknown>([...tables.segments, ...tables.nodes]), 'segment or node');
    }
    if (link.from === link.to) ctx.error(base, `a link joins two different places; this one goes from "${link.from}" to itself`);
    const key = [link.from, link.to].sort().join('\u0000');
    if (links.has(key)) ctx.warn(base, `"${link.from}" and "${link.to}" are already linked`);
    links.add(key);
  });
}

interface Cidr {
  network: number;
  mask: number;
}

const IPV6 = /^[0-9a-fA-F:]{2,39}(%[\w.]+)?$/;

/** An IPv4 address as an unsigned 32-bit number, or undefined. */
export function parseIpv4(text: string): number | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let k = 0; k <= text.length; k++) {
    const c = k < text.length ? text.charCodeAt(k) : 46;
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return undefined;
    } else if (c === 46 && digits > 0) {
      value = ((value << 8) | part) >>> 0;
      part = 0;
      digits = 0;
      dots++;
    } else {
      return undefined;
    }
  }
  return dots === 4 ? value : undefined;
}

function parseCidr(text: string): Cidr | undefined {
  const [addr, bits, extra] = text.split('/');
  const ip = parseIpv4(addr ?? '');
  const n = Number(bits);
  if (ip === undefined || extra !== undefined || !/^\d{1,2}$/.test(bits ?? '') || n > 32) return undefined;
  const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  return { network: (ip & mask) >>> 0, mask };
}
