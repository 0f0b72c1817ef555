/**
 * The MSEL as it was played: the scenario's injects followed by the ad-hoc injects the white cell fired
 * during the exercise (as HSEEP contingency injects at the time they were delivered), ready for
 * `exportMselCsv`. A scenario author re-imports it to make the ad-hoc injects part of the next run.
 */
import { type ExerciseState, formatDuration, type InjectT } from '../../engine/index.ts';

export function playedInjects(scenarioInjects: readonly InjectT[] | undefined, state: ExerciseState): InjectT[] {
  const adhoc = Object.values(state.injects)
    .filter((rt) => rt.adhoc !== null)
    .sort((a, b) => (a.adhoc as { t: number }).t - (b.adhoc as { t: number }).t || (a.id < b.id ? -1 : 1))
    .map((rt): InjectT => {
      const { t, title, to, channel, from, tlp, content, expects } = rt.adhoc as NonNullable<typeof rt.adhoc>;
      return {
        id: rt.id, title, at: formatDuration(t), to, channel, from, type: 'contingency', content,
        ...(tlp === undefined ? {} : { tlp }), ...(expects === undefined ? {} : { expects }),
      };
    });
  return [...(scenarioInjects ?? []), ...adhoc];
}
