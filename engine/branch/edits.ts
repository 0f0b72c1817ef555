/**
 * Reading a branch's edits as a person writes them (a YAML or JSON list, `ramparts whatif --edits`),
 * and the policy format (`--policy`). Each entry is one of
 *
 *   - drop: 12                                  # record 12 of the parent log (line 13 of its file)
 *   - move: 14                                  # record 14, applied at 2h30m instead
 *     to: 2h30m
 *   - at: 45m                                   # a command a seat could have sent, as in --inputs files
 *     actor: { role: blue, team: xs }
 *     cmd: { type: action, action: isolate-host, target: { node: xs-dmz-web01 } }
 *   - policy: { team: xs, replace: true, rules: [...] }   # see readPolicy
 *
 * Here only the form is read; what the edits mean for the exercise (records that exist after T, times
 * not before T, commands the seats may send) is checkEdits' (check.ts). Times are durations (45m) or
 * simulated ms.
 */
import { isRecord } from '../lib/record.ts';
import type { PathSegment } from '../lib/diagnostic.ts';
import { parseDuration } from '../time/duration.ts';
import { SEVERITIES, type Severity } from '../scenario/vocabulary.ts';
import type { Command } from '../sim/commands.ts';
import type { BranchEdit, EditIssue, Policy, PolicyRule } from './types.ts';

type Issues = EditIssue[];

const keys = (o: Record<string, unknown>, allowed: readonly string[], path: PathSegment[], issues: Issues): void => {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) issues.push({ path: [...path, k], message: `unknown field "${k}"; expected ${allowed.join(', ')}` });
};

/** A time: a duration text or whole simulated ms. */
export function readTime(x: unknown, path: PathSegment[], issues: Issues): number | undefined {
  if (typeof x === 'number' && Number.isSafeInteger(x) && x >= 0) return x;
  if (typeof x === 'string') {
    const d = parseDuration(x);
    if (d.ok) return d.ms;
    issues.push({ path, message: d.message });
    return undefined;
  }
  issues.push({ path, message: 'a time is a duration from T+0 (45m, 2h30m) or whole simulated milliseconds' });
  return undefined;
}

const recordNo = (x: unknown, path: PathSegment[], issues: Issues): number | undefined => {
  if (typeof x === 'number' && Number.isSafeInteger(x) && x >= 1) return x;
  issues.push({ path, message: 'a record number is a whole number from 1 (record N is line N + 1 of the log file)' });
  return undefined;
};

const text = (x: unknown, path: PathSegment[], issues: Issues, what: string): string | undefined => {
  if (typeof x === 'string' && x.length > 0 && x.length <= 200) return x;
  issues.push({ path, message: `${what} is a non-empty text` });
  return undefined;
};

function readRule(x: unknown, path: PathSegment[], issues: Issues): PolicyRule | undefined {
  if (!isRecord(x)) {
    issues.push({ path, message: 'a rule is an object like { on: alert, severity: high, do: isolate-host, within: 10m }' });
    return undefined;
  }
  const before = issues.length;
  const action = text(x.do, [...path, 'do'], issues, '"do" (an action id of the scenario)');
  if (x.on === 'alert') {
    keys(x, ['on', 'severity', 'do', 'within'], path, issues);
    const severity = x.severity ?? 'low';
    if (!(SEVERITIES as readonly unknown[]).includes(severity)) issues.push({ path: [...path, 'severity'], message: `severity is one of ${SEVERITIES.join(', ')}` });
    const within = x.within === undefined ? 0 : readTime(x.within, [...path, 'within'], issues);
    if (issues.length > before || action === undefined || within === undefined) return undefined;
    return { on: 'alert', severity: severity as Severity, do: action, within };
  }
  if (x.on === 'time') {
    keys(x, ['on', 'at', 'do', 'node'], path, issues);
    const at = readTime(x.at, [...path, 'at'], issues);
    const node = text(x.node, [...path, 'node'], issues, '"node" (the node to act on)');
    if (issues.length > before || action === undefined || at === undefined || node === undefined) return undefined;
    return { on: 'time', at, do: action, node };
  }
  issues.push({ path: [...path, 'on'], message: 'a rule is "on: alert" (react to each new alert) or "on: time" (act at a time)' });
  return undefined;
}

/**
 * A policy: `{ team: xs, replace: true, rules: [ { on: alert, severity: high, do: isolate-host, within: 10m },
 * { on: time, at: 1h, do: emergency-patch, node: xs-dmz-web01 } ] }`. `replace` (default true) drops the
 * team's played commands after T.
 */
export function readPolicy(x: unknown, path: PathSegment[], issues: Issues): Policy | undefined {
  if (!isRecord(x)) {
    issues.push({ path, message: 'a policy is an object { team, replace, rules }' });
    return undefined;
  }
  const before = issues.length;
  keys(x, ['team', 'replace', 'rules'], path, issues);
  const team = text(x.team, [...path, 'team'], issues, '"team" (a blue team id)');
  if (x.replace !== undefined && typeof x.replace !== 'boolean') issues.push({ path: [...path, 'replace'], message: 'replace is true or false' });
  const rules: PolicyRule[] = [];
  if (!Array.isArray(x.rules) || x.rules.length === 0 || x.rules.length > 100) issues.push({ path: [...path, 'rules'], message: 'rules is a list of 1 to 100 rules' });
  else
    x.rules.forEach((r, i) => {
      const rule = readRule(r, [...path, 'rules', i], issues);
      if (rule) rules.push(rule);
    });
  if (issues.length > before || team === undefined) return undefined;
  return { team, replace: x.replace !== false, rules };
}

/** One entry of an edits list (see the module comment), or undefined with its issues. */
function readEdit(x: unknown, path: PathSegment[], issues: Issues): BranchEdit | undefined {
  if (!isRecord(x)) {
    issues.push({ path, message: 'an edit is an object: { drop: N }, { move: N, to: DUR }, { at: DUR, actor, cmd } or { policy: {...} }' });
    return undefined;
  }
  const before = issues.length;
  if ('drop' in x) {
    keys(x, ['drop'], path, issues);
    const record = recordNo(x.drop, [...path, 'drop'], issues);
    return issues.length > before || record === undefined ? undefined : { op: 'drop', record };
  }
  if ('move' in x) {
    keys(x, ['move', 'to'], path, issues);
    const record = recordNo(x.move, [...path, 'move'], issues);
    const to = readTime(x.to, [...path, 'to'], issues);
    return issues.length > before || record === undefined || to === undefined ? undefined : { op: 'move', record, to };
  }
  if ('policy' in x) {
    keys(x, ['policy'], path, issues);
    const policy = readPolicy(x.policy, [...path, 'policy'], issues);
    return policy ? { op: 'policy', policy } : undefined;
  }
  if ('cmd' in x || 'at' in x || 'actor' in x) {
    keys(x, ['at', 'actor', 'cmd'], path, issues);
    const at = readTime(x.at, [...path, 'at'], issues);
    if (!isRecord(x.cmd)) issues.push({ path: [...path, 'cmd'], message: 'cmd is the command, like { type: action, action: isolate-host, target: { node: N } }' });
    if (issues.length > before || at === undefined || !isRecord(x.cmd)) return undefined;
    // The command's form and its sender are checked by checkEdits with the engine's command check.
    return { op: 'add', at, command: { ...x.cmd, actor: x.actor } as unknown as Command };
  }
  issues.push({ path, message: 'an edit is { drop: N }, { move: N, to: DUR }, { at: DUR, actor, cmd } or { policy: {...} }' });
  return undefined;
}

/** Reads an edits document (a list, or `{ edits: [...] }`). */
/** `base` is where the list sits in the document (checkEdits' issue paths are relative to it). */
export function readEdits(x: unknown): { ok: true; edits: BranchEdit[]; base: PathSegment[] } | { ok: false; issues: EditIssue[] } {
  const list = isRecord(x) && Array.isArray(x.edits) ? x.edits : x;
  const base: PathSegment[] = isRecord(x) ? ['edits'] : [];
  const issues: Issues = [];
  if (!Array.isArray(list)) return { ok: false, issues: [{ path: [], message: 'an edits file is a list of edits (drop, move, add, policy)' }] };
  if (list.length > 10_000) return { ok: false, issues: [{ path: base, message: 'at most 10,000 edits' }] };
  const edits: BranchEdit[] = [];
  list.forEach((e, i) => {
    const edit = readEdit(e, [...base, i], issues);
    if (edit) edits.push(edit);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, edits, base };
}
