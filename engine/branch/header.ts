/**
 * The `branch` member of a log header, checked when a log is read: a branch log replays by itself
 * (its prefix rebuilds the parent's state at T), and the replayer re-seeds the random streams where
 * `reseeds` says, so the member must be exactly right or the log is refused.
 */
import { isRecord } from '../lib/record.ts';
import { MAX_SIM_TIME } from '../time/duration.ts';

const HASH = /^[0-9a-f]{64}$/;
const OPS = ['drop', 'move', 'add', 'policy'];
const whole = (x: unknown, max = Number.MAX_SAFE_INTEGER): x is number => Number.isSafeInteger(x) && (x as number) >= 0 && (x as number) <= max;

/** The problems of a header's `branch` member for a log of `records` records ([] when it is right). */
export function branchHeaderIssues(x: unknown, records: number): string[] {
  if (!isRecord(x)) return ['header.branch must be an object { parent, at, prefix, reseeds, edits }'];
  const out: string[] = [];
  if (typeof x.parent !== 'string' || !HASH.test(x.parent)) out.push("header.branch.parent must be the parent log's hash (64 hex digits)");
  if (!whole(x.at, MAX_SIM_TIME)) out.push('header.branch.at must be a simulated time in ms');
  if (!whole(x.prefix, records)) out.push(`header.branch.prefix must be a record count from 0 to ${records}`);
  if (!Array.isArray(x.reseeds)) out.push('header.branch.reseeds must be a list of { record, seed }');
  else {
    let last = -1;
    x.reseeds.forEach((r: unknown, i) => {
      if (!isRecord(r) || !whole(r.record, records) || !whole(r.seed) || (r.record as number) <= last) {
        out.push(`header.branch.reseeds[${i}] must be { record, seed }: whole numbers, records increasing, at most ${records}`);
      } else last = r.record as number;
    });
  }
  if (!Array.isArray(x.edits) || !x.edits.every((e) => isRecord(e) && OPS.includes(e.op as string))) {
    out.push('header.branch.edits must be a list of edits (op drop, move, add or policy)');
  }
  return out;
}
