/**
 * The TLP 2.0 re-share check of a report a team is about to share (sim/intel.ts). A team may not
 * pass on an indicator it learnt only from a report marked AMBER, AMBER+STRICT or RED, and one learnt
 * under GREEN not as CLEAR; what it observed itself (its own alerts) is its own to share.
 *
 * Indicators are compared in their canonical form (lib/indicator-form.ts): `EVIL.example.`,
 * ` evil[.]example` and `hxxp://evil[.]example` are the values they spell. The report's free text
 * (title and text) and its indicators are searched for every value the team may not pass on, so
 * pasting it in the prose, or inside a URL, is refused like listing it.
 */
import { TLP_RANK, type TlpLevel } from '../scenario/schema/index.ts';
import type { IntelReportT } from './commands.ts';
import type { TeamRt } from './state.ts';
import { type Refusal, refuse } from './refusal.ts';
import { canonicalIndicator, mentions } from '../lib/indicator-form.ts';

/** Canonical form -> the most permissive TLP the team learnt it under; values it observed itself are left out. */
function learnt(t: TeamRt): Map<string, TlpLevel> {
  const mine = new Set<string>();
  const out = new Map<string, TlpLevel>();
  for (const [value, src] of Object.entries(t.ioc)) {
    const c = canonicalIndicator(value);
    if (src === 'own') {
      mine.add(c);
      continue;
    }
    const cur = out.get(c);
    if (cur === undefined || TLP_RANK[src] < TLP_RANK[cur]) out.set(c, src);
  }
  for (const c of mine) out.delete(c);
  return out;
}

function why(shown: string, src: TlpLevel): string {
  return src === 'GREEN'
    ? `${shown} was shared with you under TLP:GREEN; share it as GREEN or stricter, not CLEAR`
    : `${shown} was shared with you under TLP:${src}; it may not be passed on to other teams`;
}

/** A refusal if the report would pass on an indicator its TLP forbids, else null. */
export function reshareRefusal(t: TeamRt, report: IntelReportT): Refusal | null {
  const restricted = new Map<string, TlpLevel>();
  for (const [c, src] of learnt(t)) if (TLP_RANK[src] >= TLP_RANK.AMBER || (src === 'GREEN' && report.tlp === 'CLEAR')) restricted.set(c, src);
  if (restricted.size === 0) return null;
  for (const v of report.indicators) {
    const src = restricted.get(canonicalIndicator(v));
    if (src !== undefined) return refuse('FORBIDDEN', why(`indicator "${v}"`, src));
  }
  const fields: Array<[string, string]> = [['title', report.title], ['text', report.text], ...report.indicators.map((v): [string, string] => [`indicator "${v}"`, v])];
  for (const [c, src] of restricted) {
    for (const [name, text] of fields) {
      if (mentions(text, c)) return refuse('FORBIDDEN', why(`the report's ${name} holds "${c}", which`, src));
    }
  }
  return null;
}
