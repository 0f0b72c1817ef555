/**
 * One entry of an `--inputs` command file, checked (inputs.ts reads the file): its keys, its time (a
 * duration or simulated ms before the end), the engine's command schema and the roles allowed to send
 * it, and the ids the scenario fixes (teams, nodes, segments, actions, injects, red steps,
 * capabilities), each problem reported at its path in the entry.
 */
import { type ActorT, checkCommand, isRecord, type Command, type CompiledScenario, formatDuration, parseDuration, type PathSegment } from '../engine/index.ts';

/** One input: the command, the simulated time it is due, and where it came from (1-based line). */
export interface ScriptedInput {
  at: number;
  command: Command;
  line: number;
}

/** Reports a problem of the entry at `path` (relative to the entry); `atKey`: point at the last key itself, not its value. */
export type Report = (path: readonly PathSegment[], message: string, atKey?: boolean) => void;

const KEYS = new Set(['at', 'actor', 'cmd']);

/** Checks one entry; reports each problem at its path and returns the input when there is none. */
export function checkInput(value: unknown, line: number, compiled: CompiledScenario, report: Report): ScriptedInput | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report([], 'an input is an object { "at": "45m", "actor": { "role": ... }, "cmd": { "type": ... } }');
    return undefined;
  }
  const entry = value as Record<string, unknown>;
  let ok = true;
  const bad: Report = (path, message, atKey) => {
    ok = false;
    report(path, message, atKey);
  };
  for (const k of Object.keys(entry)) if (!KEYS.has(k)) bad([k], `unknown key "${k}": an input has only "at", "actor" and "cmd"`, true);
  const at = checkAt(entry.at, compiled.meta.duration, bad);
  if (entry.actor === undefined) bad([], 'missing "actor": who sends the command, e.g. { "role": "blue", "team": "<team id>" }');
  if (entry.cmd === undefined) bad([], 'missing "cmd": the command, e.g. { "type": "action", "action": "isolate", "target": { "node": "<node id>" } }');
  // The engine's command check, each problem at its place in the entry (a missing actor or command
  // is said above, once). Of a start, what to say is that the run starts the exercise itself.
  const start = isRecord(entry.cmd) && entry.cmd.type === 'start';
  const checked = checkCommand(entry.actor, entry.cmd);
  const issues = checked.ok ? [] : checked.issues.filter((i) => !(start && i.path[0] === 'actor' && i.path[1] === 'role'));
  for (const i of issues) {
    const onActor = i.path[0] === 'actor';
    if (!(onActor ? entry.actor === undefined : entry.cmd === undefined)) bad(onActor ? i.path : ['cmd', ...i.path], i.message);
  }
  const actor = entry.actor as ActorT;
  const actorValid = entry.actor !== undefined && !issues.some((i) => i.path[0] === 'actor' && i.path[1] !== 'role');
  if (actorValid && actor.role === 'blue' && compiled.blueIndex.get(actor.team) === undefined) {
    bad(
      ['actor', 'team'],
      unknown(
        'blue team',
        actor.team,
        compiled.blue.map((b) => b.id),
      ),
    );
  }
  if (!ok || issues.length > 0 || at === undefined) return undefined;
  if (start || !checked.ok) {
    bad(['cmd', 'type'], 'the run starts the exercise itself: remove this input');
    return undefined;
  }
  checkReferences(checked.command, compiled, bad);
  if (!ok) return undefined;
  return { at, command: checked.command, line };
}

function unknown(what: string, id: string, known: readonly string[]): string {
  const list = known.length > 20 ? `${known.slice(0, 20).join(', ')}, ... (${known.length} in all)` : known.join(', ');
  return `no ${what} "${id}" in this scenario${known.length > 0 ? ` (${what}s: ${list})` : ''}`;
}

/**
 * Ids the scenario fixes are checked before the run: a typo in a node or action id is a located error,
 * not a refusal found hours into the run. Ids made during the run (ad-hoc injects, action, report,
 * request and sitrep ids) are left to the engine.
 */
function checkReferences(c: Command, s: CompiledScenario, bad: Report): void {
  const blue = s.blue.map((b) => b.id);
  const team = (path: PathSegment[], id: string): void => {
    if (s.blueIndex.get(id) === undefined) bad(path, unknown('blue team', id, blue));
  };
  const inject = (path: PathSegment[], id: string): void => {
    if (s.injectIndex.get(id) === undefined && !/^adhoc-\d+$/.test(id))
      bad(
        path,
        unknown(
          'inject',
          id,
          s.injects.map((x) => x.id),
        ),
      );
  };
  const step = (id: string): void => {
    if (s.stepIndex.get(id) === undefined)
      bad(
        ['cmd', 'step'],
        unknown(
          'red step',
          id,
          s.steps.map((x) => x.id),
        ),
      );
  };
  switch (c.type) {
    case 'action': {
      if (!s.actions.has(c.action)) bad(['cmd', 'action'], unknown('action', c.action, [...s.actions.keys()]));
      const t = c.target;
      if (t.node !== undefined && s.nodeIndex.get(t.node) === undefined)
        bad(
          ['cmd', 'target', 'node'],
          unknown(
            'node',
            t.node,
            s.nodes.map((n) => n.id),
          ),
        );
      if (t.segment !== undefined && s.segmentIndex.get(t.segment) === undefined)
        bad(
          ['cmd', 'target', 'segment'],
          unknown(
            'segment',
            t.segment,
            s.segments.map((x) => x.id),
          ),
        );
      if (t.team !== undefined) team(['cmd', 'target', 'team'], t.team);
      if (t.inject !== undefined) inject(['cmd', 'target', 'inject'], t.inject);
      return;
    }
    case 'ack-inject':
    case 'answer-inject':
      inject(['cmd', 'inject'], c.inject);
      return;
    case 'share-intel':
      for (const [i, p] of c.partners.entries()) team(['cmd', 'partners', i], p);
      return;
    case 'request-assistance':
      team(['cmd', 'to'], c.to);
      return;
    case 'red-launch':
    case 'red-hold':
    case 'red-abort':
      step(c.step);
      return;
    case 'adjudicate':
      if (c.item.kind === 'answer') {
        inject(['cmd', 'item', 'inject'], c.item.inject);
        team(['cmd', 'item', 'team'], c.item.team);
      }
      return;
    case 'rate':
      if (!s.capabilities.some((x) => x.id === c.capability))
        bad(
          ['cmd', 'capability'],
          unknown(
            'capability',
            c.capability,
            s.capabilities.map((x) => x.id),
          ),
        );
      return;
    default:
      return;
  }
}

function checkAt(value: unknown, duration: number, bad: Report): number | undefined {
  let at: number | undefined;
  if (value === undefined) bad([], 'missing "at": when the command is sent, as a duration ("45m", "1h30m") or simulated ms');
  else if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) at = value;
    else bad(['at'], `${value} is not a whole number of milliseconds from T+0`);
  } else if (typeof value === 'string') {
    const r = parseDuration(value);
    if (r.ok) at = r.ms;
    else bad(['at'], r.message);
  } else bad(['at'], 'write "at" as a duration ("45m", "1h30m") or simulated ms');
  if (at !== undefined && at >= duration) {
    bad(['at'], `T+${formatDuration(at)} is not before the end of the exercise (T+${formatDuration(duration)}): the command would never apply`);
    return undefined;
  }
  return at;
}
