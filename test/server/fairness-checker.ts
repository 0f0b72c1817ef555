/**
 * The fairness checker of issue 13: given everything one blue seat received (raw socket frames and
 * REST bodies) and the secrets of the exercise, it lists every leak: facts the seat was not given
 * (ground truth, the red plan, the seed, other teams' nodes and private texts, the evaluators'
 * criteria, the scenario's description) and facts it could infer (scores computed from ground
 * truth, a numbering that counts what it does not see, refusals that tell another nation's node
 * from a made-up id, server-wide counters such as /metrics serves, which count other teams' commands).
 *
 * It reads text, not parsed views, so it sees what went over the wire whatever the shape: a
 * projection, a patch, an event or an acknowledgement. fairness.test.ts runs it on every blue seat
 * of a live gulf-shield exercise, and on the white cell's frames labelled as a blue seat's (it must
 * report leaks there, or it could not catch any).
 */

/** What the exercise keeps from one blue seat. */
export interface Secrets {
  team: string;
  seed: number;
  /** Ids, names and descriptions of the red campaign not used anywhere else in the scenario. */
  redPlan: string[];
  /** Ids of nodes in segments the team neither owns nor shares. */
  foreignNodes: string[];
  /** Texts other teams wrote that were not shared with this one. */
  othersPrivate: string[];
  /** The evaluators' criteria: texts of the injects' evaluation (not what the players are asked). */
  criteria: string[];
  /** The scenario's content served to the white cell and evaluators only: its description, every language. */
  scenario: string[];
}

/** What one blue seat received. */
export interface Received {
  /** Raw engine.io frames of its sockets, in order (socket.io packets: `42[...]`, `43n[...]`). */
  frames: string[];
  /** Bodies of the REST answers it got (its exercise summary, the lobby, /metrics with its token). */
  rest: unknown[];
  /** Acknowledgements of probes for an unknown node id and another nation's node id (same action). */
  probes?: { unknown: { id: string; reply: unknown }; foreign: { id: string; reply: unknown } };
}

export interface Leak {
  kind: 'ground-truth' | 'red-plan' | 'seed' | 'foreign-node' | 'private-text' | 'criteria' | 'scenario' | 'score' | 'numbering' | 'refusal' | 'counters';
  detail: string;
}

const inJson = (s: string) => JSON.stringify(s).slice(1, -1);
const TRUTH_KEYS = ['integrity', 'compromisedBy', 'credentialsStolen', 'falsePositive', 'alertTruth', 'attempts', 'truth'];
const TRUTH_EVENTS = ['node.state', 'alert.truth', 'red.outcome', 'inject.triggered', 'rating'];
/** Score components computed from ground truth: withheld from blue until the white cell releases them. */
const TRUTH_SCORES = ['detection', 'response', 'penalties'];

/** The socket.io event packets of the frames: `[name, payload]` (acknowledgements as `['ack', reply]`). */
export function packets(frames: readonly string[]): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const frame of frames) {
    const match = /^4([23])(\d*)(\[.*)$/s.exec(frame);
    if (!match) continue;
    let body: unknown;
    try {
      body = JSON.parse(match[3]!);
    } catch {
      continue;
    }
    if (!Array.isArray(body)) continue;
    if (match[1] === '3') out.push(['ack', body[0]]);
    else out.push([String(body[0]), body[1]]);
  }
  return out;
}

/** Every leak in what one blue seat received. */
export function checkBlueSeat(secrets: Secrets, received: Received): Leak[] {
  const leaks: Leak[] = [];
  const wire = [...received.frames, ...received.rest.map((r) => JSON.stringify(r))].join('\n');
  const found = (kind: Leak['kind'], values: readonly string[], what: string) => {
    for (const value of values) {
      if (value.length === 0 || !wire.includes(inJson(value))) continue;
      const i = wire.indexOf(inJson(value));
      leaks.push({ kind, detail: `${what} "${value}": ...${wire.slice(Math.max(0, i - 80), i + 40)}...` });
    }
  };

  for (const key of TRUTH_KEYS) if (wire.includes(`"${key}":`)) leaks.push({ kind: 'ground-truth', detail: `key "${key}"` });
  for (const type of TRUTH_EVENTS) if (wire.includes(`"type":"${type}"`)) leaks.push({ kind: 'ground-truth', detail: `${type} events` });
  found('red-plan', secrets.redPlan, 'red plan');
  for (const id of secrets.foreignNodes) if (wire.includes(`"${inJson(id)}"`)) leaks.push({ kind: 'foreign-node', detail: `another team's node "${id}"` });
  found('private-text', secrets.othersPrivate, "another team's text");
  found('criteria', secrets.criteria, "evaluators' criterion");
  found('scenario', secrets.scenario, "the scenario's description");

  // The seed: under any key that names it, or as a summary field.
  if (new RegExp(`"seed":\\s*${secrets.seed}\\b`).test(wire) || /"seed":\s*\d/.test(wire)) leaks.push({ kind: 'seed', detail: 'a "seed" field' });

  // Scores from ground truth, as values or as patches of them.
  for (const key of TRUTH_SCORES) {
    if (new RegExp(`"${key}":\\s*(-?\\d|\\[[^\\]]*?-?\\d)`).test(wire)) leaks.push({ kind: 'score', detail: `score component "${key}" before its release` });
  }

  // Numbering: every delta steps the seat's own sequence by one, and its events are numbered 1, 2, 3, ...
  // among the events it may see (any other step counts something it does not see). Acknowledgements
  // carry a number of that sequence, never a larger one.
  let lastEvent: number | undefined;
  let lastTo: number | undefined;
  for (const [name, payload] of packets(received.frames)) {
    if (name === 'delta') {
      const d = payload as { fromSeq: number; toSeq: number; events: Array<{ seq: number }> };
      if (d.toSeq !== d.fromSeq + 1) leaks.push({ kind: 'numbering', detail: `a delta from ${d.fromSeq} to ${d.toSeq}` });
      lastTo = d.toSeq;
      for (const e of d.events) {
        if (lastEvent !== undefined && e.seq !== lastEvent + 1) leaks.push({ kind: 'numbering', detail: `event ${e.seq} after event ${lastEvent}` });
        lastEvent = e.seq;
      }
    } else if (name === 'welcome') {
      const w = payload as { sync: { kind: string; full?: { seq: number }; seq?: number } };
      lastTo = w.sync.full?.seq ?? w.sync.seq ?? lastTo;
    } else if (name === 'ack') {
      const reply = payload as { ok?: boolean; seq?: unknown };
      if (reply.ok === true && typeof reply.seq === 'number' && lastTo !== undefined && reply.seq > lastTo + 1) {
        leaks.push({ kind: 'numbering', detail: `an acknowledgement numbered ${reply.seq} after delta ${lastTo}` });
      }
    }
  }
  const rest = received.rest.map((r) => JSON.stringify(r)).join('\n');
  if (/"(revision|seq)":\s*\d/.test(rest)) leaks.push({ kind: 'numbering', detail: 'the exercise revision in a REST answer' });

  // Server-wide counters (the Prometheus exposition of /metrics): commands by type, refusals by code,
  // seats connected by role count what other teams do between two reads.
  const counters = /# (?:TYPE|HELP) ramparts_|^ramparts_[a-z_]+(?:\{[^}]*\})? \d/m.exec(received.rest.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n'));
  if (counters) leaks.push({ kind: 'counters', detail: `server-wide counters in a REST answer: ${counters[0]}...` });

  // Refusals: another nation's node and a made-up id must be refused alike (code and sentence, the id aside).
  if (received.probes) {
    const { unknown, foreign } = received.probes;
    const norm = (reply: unknown, id: string) => JSON.stringify(reply).split(id).join('<id>');
    if (norm(unknown.reply, unknown.id) !== norm(foreign.reply, foreign.id)) {
      leaks.push({ kind: 'refusal', detail: `another nation's node answered ${JSON.stringify(foreign.reply)}, a made-up one ${JSON.stringify(unknown.reply)}` });
    }
  }
  return leaks;
}
