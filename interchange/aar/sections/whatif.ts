/**
 * Pinned what-if findings in the analysis of the AAR/IP (interchange/whatif): each as a sentence in
 * the report's language with its numbers, then one table naming every branch file and the state hash
 * its replay ends on (the package carries the files).
 */
import type { BranchEdit, Command } from '../../../engine/index.ts';
import { pct } from '../format.ts';
import type { AarContext, AarWriter } from '../model.ts';
import type { WhatIfReported } from '../../whatif/finding.ts';

/** A command in a few words, ids as they are: `isolate-host xs-dmz-web01`, `sitrep (xs)`. */
function commandWords(c: Command): string {
  const who = c.actor.role === 'blue' ? c.actor.team : c.actor.role;
  if (c.type === 'action') return `${c.action} ${c.target.node ?? c.target.segment ?? c.target.indicator ?? c.target.team ?? c.target.inject ?? ''} (${who})`.replace('  ', ' ');
  return `${c.type} (${who})`;
}

function change(ctx: AarContext, edits: readonly BranchEdit[]): string {
  const { m, b } = ctx;
  if (edits.length === 0) return m['whatif.none'];
  const parts = edits.map((e) => {
    switch (e.op) {
      case 'add':
        return m['whatif.edit.add'](b.ltr(commandWords(e.command)), ctx.when(e.at));
      case 'drop':
        return m['whatif.edit.drop'](b.ltr(String(e.record)));
      case 'move':
        return m['whatif.edit.move'](b.ltr(String(e.record)), ctx.when(e.to));
      case 'policy':
        return m['whatif.edit.policy'](ctx.team(e.policy.team), b.ltr(String(e.policy.rules.length)));
    }
  });
  return parts.join(m.listSep);
}

/** The finding as one sentence in the report's language. */
export function findingSentence(ctx: AarContext, f: WhatIfReported): string {
  const { m, b } = ctx;
  const what = change(ctx, f.edits);
  const objective = b.ltr(f.objective);
  if (f.runs === 1 && f.seed === null) {
    if (f.playedAt !== null) return f.achieved === 0 ? m['whatif.once.prevents'](what, objective) : m['whatif.once.reaches'](what, objective);
    return f.achieved === 0 ? m['whatif.once.never'](what, objective) : m['whatif.once.newly'](what, objective);
  }
  const runs = b.ltr(String(f.runs));
  if (f.playedAt !== null) {
    return m['whatif.prevents'](what, objective, b.ltr(pct(1 - f.probability)), runs, b.ltr(pct(1 - f.ci95[1])), b.ltr(pct(1 - f.ci95[0])));
  }
  return m['whatif.reaches'](what, objective, b.ltr(pct(f.probability)), runs, b.ltr(pct(f.ci95[0])), b.ltr(pct(f.ci95[1])));
}

/** Writes the what-if part of the analysis (nothing when no finding was pinned). */
export function writeWhatIf(ctx: AarContext, w: AarWriter, findings: readonly WhatIfReported[]): void {
  if (findings.length === 0) return;
  const { m, b } = ctx;
  w.h3(m['whatif.heading']);
  w.p(m['whatif.intro']);
  w.list(
    findings.map((f) => [
      { text: `${b.ltr(f.id)}.`, bold: true },
      { text: ` ${findingSentence(ctx, f)}` },
      ...(f.note ? [{ text: ` ${m['whatif.note']}`, italic: true }, { text: ` ${b.auto(f.note)}` }] : []),
    ]),
  );
  w.table(
    [m['whatif.finding'], m['whatif.fork'], m['whatif.objective'], m['whatif.played'], m['whatif.runs'], m['whatif.file'], m['whatif.hash']],
    findings.map((f) => [
      b.ltr(f.id),
      ctx.when(f.at),
      b.ltr(f.objective),
      f.playedAt === null ? m['whatif.notReached'] : ctx.when(f.playedAt),
      b.ltr(f.seed === null ? String(f.runs) : `${f.runs} (seeds ${f.seed}–${f.seed + f.runs - 1})`),
      b.ltr(f.branch.fileName),
      b.ltr(f.branch.stateHash),
    ]),
  );
}
