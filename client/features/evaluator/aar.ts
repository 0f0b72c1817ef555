/**
 * After-action report as Markdown, from the evaluator's view: scenario, clock, scores per team,
 * HSEEP ratings per capability and task, coalition sharing metric, red steps and injects. Pure.
 */
import type { EvaluatorView } from '../../../engine/types.ts';
import { localText } from '../../i18n/local-text.ts';
import { formatExerciseTime } from '../../i18n/time.ts';
import { latestRating } from './ratings.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function aarMarkdown(view: EvaluatorView, lang: string): string {
  const L = (x: Parameters<typeof localText>[0]) => localText(x, lang);
  const out: string[] = [];
  out.push(`# After-action report: ${L(view.scenario.title)}`, '');
  out.push(`Scenario \`${view.scenario.id}\` version ${view.scenario.version}. Exercise time ${formatExerciseTime(view.clock.t)} (${view.clock.phase}).`, '');
  out.push(L(view.scenario.description), '');

  out.push('## Scores', '', '| Team | Composite | Availability | Detection | Response | Reporting | Cooperation | Penalties |', '|---|---|---|---|---|---|---|---|');
  for (const b of view.blue) {
    const s = b.score.current;
    out.push(`| ${cell(L(b.team.name) || b.team.id)} | ${s.composite.toFixed(1)} | ${s.availability.toFixed(1)} | ${s.detection.toFixed(1)} | ${s.response.toFixed(1)} | ${s.reporting.toFixed(1)} | ${s.cooperation.toFixed(1)} | ${s.penalties.toFixed(1)} |`);
  }
  out.push('');

  out.push('## HSEEP ratings', '', '| Capability / critical task | Rating | Note |', '|---|---|---|');
  for (const c of view.capabilities) {
    const r = latestRating(view.ratings, c.id);
    out.push(`| **${cell(L(c.name))}** | ${r?.rating ?? ''} | ${cell(r?.note ?? '')} |`);
    for (const task of c.tasks) {
      const rt = latestRating(view.ratings, c.id, task.id);
      out.push(`| ${cell(L(task.name))} | ${rt?.rating ?? ''} | ${cell(rt?.note ?? '')} |`);
    }
  }
  out.push('');

  if (view.coalition.length > 0) {
    out.push('## Coalition: from first detection to blocked everywhere', '', '| Indicator | First seen | Blocked everywhere after |', '|---|---|---|');
    for (const c of view.coalition) {
      out.push(`| \`${cell(c.value)}\` | ${formatExerciseTime(c.firstSeen)} | ${c.blockedEverywhereAfter === null ? 'not yet' : formatExerciseTime(c.blockedEverywhereAfter)} |`);
    }
    out.push('');
  }

  out.push('## Red campaign', '', '| Step | Technique | Status | Hits |', '|---|---|---|---|');
  for (const campaign of view.red) {
    for (const s of campaign.steps) out.push(`| ${cell(L(s.name))} | ${s.technique} | ${s.status} | ${cell(s.hits.join(', '))} |`);
  }
  out.push('');

  out.push('## Injects', '', '| Inject | Team | Status | Grade |', '|---|---|---|---|');
  for (const row of view.msel) {
    for (const [team, st] of Object.entries(row.teams)) out.push(`| ${cell(L(row.title))} | ${team} | ${st.status} | ${st.grade ?? ''} |`);
  }
  out.push('');
  return out.join('\n');
}

/** Offers text as a file download (a Blob URL; nothing leaves the browser). */
export function download(name: string, text: string, type = 'text/markdown'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
