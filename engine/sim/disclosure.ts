/**
 * Scores that reveal nothing (docs/ENGINE.md): what a blue team may see of its own score.
 *
 * The rule: nothing a blue seat receives lets it infer a fact its sensors, its actions, its injects or
 * its partners did not give it. Of the score's components, two are computed from what the team knows:
 * availability (its services' up/down state, which its view shows) and cooperation (reports it shared,
 * applied, and its partners' applications, which its view shows). The others are not:
 * - detection counts red attempts the team never saw (a hidden success drops it);
 * - response counts compromise episodes (ground truth);
 * - reporting counts expected actions met or missed (the evaluators' criteria, which a team never reads);
 * - penalties count needless isolations (the node was clean: ground truth) and missed expected actions;
 * - the composite is made of them all.
 * Those are withheld until the white cell releases the scores (the `release-scores` command, at the end
 * or after a move of a tabletop): a release at T shows every sample taken up to T in full, later samples
 * are withheld again until the next release. The scenario's `scoring.blueScores` says what stands in for
 * the composite meanwhile: nothing (`withheld`, the default) or the weighted mean of the known
 * components (`known`).
 *
 * A view change only: the samples in the state are the full ones (the white cell and evaluators see
 * them), so the state hash of an exercise that never releases is what it always was.
 */
import type { CScoring } from '../compile/types.ts';
import type { ExerciseState, ScoreSample } from './state.ts';

/** A score sample as a blue team sees it: a component withheld is null. */
export interface BlueScoreSample {
  t: number;
  composite: number | null;
  availability: number;
  detection: number | null;
  response: number | null;
  reporting: number | null;
  cooperation: number;
  penalties: number | null;
}

/** The components a blue team may always see: computed from what its view shows. */
export const KNOWN_COMPONENTS = ['availability', 'cooperation'] as const;
/** The components withheld until a release: computed from ground truth or the evaluators' criteria. */
export const WITHHELD_COMPONENTS = ['detection', 'response', 'reporting', 'penalties', 'composite'] as const;

const round = (x: number): number => Math.round(x * 100) / 100;

/** The sample as the team sees it, given the time up to which scores are released (null: never). */
export function blueSample(sample: ScoreSample, scoring: CScoring, releasedAt: number | null): BlueScoreSample {
  if (releasedAt !== null && sample.t <= releasedAt) return { ...sample };
  const { availability: wa, cooperation: wc } = scoring.weights;
  const known = scoring.blueScores === 'known' && wa + wc > 0 ? round((wa * sample.availability + wc * sample.cooperation) / (wa + wc)) : null;
  return {
    availability: sample.availability,
    composite: known,
    cooperation: sample.cooperation,
    detection: null,
    penalties: null,
    reporting: null,
    response: null,
    t: sample.t,
  };
}

/**
 * `{ team, ...blueSample(...) }` written as one literal (the `score` event's data, one per team per
 * sample): the same fields in the same order without the spread's intermediate object.
 */
export function teamSample(team: string, sample: ScoreSample, scoring: CScoring, releasedAt: number | null) {
  if (releasedAt !== null && sample.t <= releasedAt) {
    return {
      team,
      availability: sample.availability,
      composite: sample.composite,
      cooperation: sample.cooperation,
      detection: sample.detection,
      penalties: sample.penalties,
      reporting: sample.reporting,
      response: sample.response,
      t: sample.t,
    };
  }
  const { availability: wa, cooperation: wc } = scoring.weights;
  const known = scoring.blueScores === 'known' && wa + wc > 0 ? round((wa * sample.availability + wc * sample.cooperation) / (wa + wc)) : null;
  return { team, availability: sample.availability, composite: known, cooperation: sample.cooperation, detection: null, penalties: null, reporting: null, response: null, t: sample.t };
}

/** Up to when the white cell has released the scores, or null. */
export const releasedAt = (s: ExerciseState): number | null => s.scoresReleasedAt ?? null;
