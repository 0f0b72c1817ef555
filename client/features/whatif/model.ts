/**
 * The evaluator's what-if draft and what it becomes: the played commands after T an evaluator can
 * drop or move, the actions it adds (a team, an action of the scenario, a node, a time), and the
 * engine's edits (BranchEdit) for them. Pure.
 */
import type { BranchEdit, Command, RampartsLog } from '../../../engine/types.ts';

/** A played command after T, as the list shows it. */
export interface PlayedItem {
  record: number;
  t: number;
  who: string;
  what: string;
}

export interface AddedAction {
  team: string;
  action: string;
  node: string;
  at: number;
}

export interface WhatIfDraft {
  at: number;
  drops: ReadonlySet<number>;
  /** Record -> new time. */
  moves: ReadonlyMap<number, number>;
  adds: readonly AddedAction[];
}

/** Who sent a command, in a few characters. */
export const sender = (c: Command): string => (c.actor.role === 'blue' ? c.actor.team : c.actor.role);

/** A command in a few words, ids as they are. */
export function commandWords(c: Command): string {
  if (c.type === 'action') return `${c.action} ${c.target.node ?? c.target.segment ?? c.target.indicator ?? c.target.team ?? c.target.inject ?? ''}`.trim();
  if (c.type === 'share-intel') return `share-intel → ${c.partners.join(', ')}`;
  if (c.type === 'ack-inject' || c.type === 'answer-inject') return `${c.type} ${c.inject}`;
  return c.type;
}

/**
 * The played commands after T a seat sent (the clock's advances are not listed: they stay), at most
 * `limit` of them. Record N is line N + 1 of the log, as the engine numbers them.
 */
export function playedAfter(log: RampartsLog, at: number, limit = 300): PlayedItem[] {
  const out: PlayedItem[] = [];
  log.records.forEach((r, i) => {
    if (out.length >= limit || r.t <= at || r.command.actor.role === 'system') return;
    out.push({ record: i + 1, t: r.t, who: sender(r.command), what: commandWords(r.command) });
  });
  return out;
}

/** The engine's edits for a draft, in a fixed order: drops, moves, added actions. */
export function draftEdits(d: WhatIfDraft): BranchEdit[] {
  const edits: BranchEdit[] = [];
  for (const record of [...d.drops].sort((a, b) => a - b)) edits.push({ op: 'drop', record });
  for (const [record, to] of [...d.moves].sort((a, b) => a[0] - b[0])) if (!d.drops.has(record)) edits.push({ op: 'move', record, to });
  for (const a of d.adds) {
    edits.push({ op: 'add', at: a.at, command: { type: 'action', action: a.action, target: { node: a.node }, actor: { role: 'blue', team: a.team } } });
  }
  return edits;
}

export const emptyDraft = (at: number): WhatIfDraft => ({ at, drops: new Set(), moves: new Map(), adds: [] });
