/**
 * The comparison drawn: per team, the composite score as played and in the branch; per red objective,
 * the branch's probability with its 95% interval beside the played outcome; and the swimlane diff.
 * d3 draws inside this one component from the pure layouts of layout.ts.
 */
import { useEffect, useRef } from 'react';
import { select } from 'd3';
import type { EngineEvent, ObjectiveOnce, ObjectiveSweep, ScoreSample } from '../../../engine/types.ts';
import { useT } from '../../i18n/react.tsx';
import { type Box, probabilityRows, scoreLines, swimlaneDiff } from './layout.ts';

export interface ChartData {
  at: number;
  end: number;
  teams: string[];
  owner: (node: string) => string | undefined;
  scores: { played: Record<string, ScoreSample[]>; branch: Record<string, ScoreSample[]> };
  events: { played: readonly EngineEvent[]; branch: readonly EngineEvent[] };
  objectives: readonly (ObjectiveSweep | ObjectiveOnce)[];
}

const W = 720;
const PLAYED = '#9ca3af';
const BRANCH = '#3b82f6';

export function WhatIfCharts({ data }: { data: ChartData }) {
  const t = useT();
  const scores = useRef<SVGSVGElement>(null);
  const probs = useRef<SVGSVGElement>(null);
  const lanes = useRef<SVGSVGElement>(null);

  useEffect(() => {
    const box: Box = { width: W, height: 70, left: 90, right: 10, top: 6, bottom: 6 };
    const svg = select(scores.current).attr('viewBox', `0 0 ${W} ${box.height * data.teams.length}`);
    svg.selectAll('*').remove();
    data.teams.forEach((team, i) => {
      const g = svg.append('g').attr('transform', `translate(0,${i * box.height})`);
      const l = scoreLines(data.scores.played[team] ?? [], data.scores.branch[team] ?? [], data.at, data.end, box);
      g.append('text')
        .attr('x', 4)
        .attr('y', box.height / 2)
        .attr('dominant-baseline', 'middle')
        .attr('fill', 'currentColor')
        .attr('font-size', 12)
        .text(team);
      for (const tick of l.yTicks)
        g.append('line')
          .attr('x1', box.left)
          .attr('x2', W - box.right)
          .attr('y1', tick.y)
          .attr('y2', tick.y)
          .attr('stroke', 'currentColor')
          .attr('stroke-opacity', 0.15);
      g.append('line')
        .attr('x1', l.forkX)
        .attr('x2', l.forkX)
        .attr('y1', box.top)
        .attr('y2', box.height - box.bottom)
        .attr('stroke', '#999')
        .attr('stroke-dasharray', '3 3');
      g.append('path').attr('d', l.played).attr('fill', 'none').attr('stroke', PLAYED).attr('stroke-width', 1.5).attr('data-line', 'played');
      g.append('path').attr('d', l.branch).attr('fill', 'none').attr('stroke', BRANCH).attr('stroke-width', 2).attr('data-line', 'branch');
    });
  }, [data]);

  useEffect(() => {
    const row = 22;
    const box: Box = { width: W, height: row * data.objectives.length + 8, left: 160, right: 60, top: 4, bottom: 4 };
    const svg = select(probs.current).attr('viewBox', `0 0 ${W} ${box.height}`);
    svg.selectAll('*').remove();
    for (const r of probabilityRows(data.objectives, box, row)) {
      const g = svg.append('g').attr('transform', `translate(0,${r.y})`).attr('data-objective', r.id);
      g.append('text')
        .attr('x', 4)
        .attr('y', 13)
        .attr('fill', 'currentColor')
        .attr('font-size', 12)
        .text(`${r.id}${r.playedReached ? ' ●' : ' ○'}`);
      g.append('rect').attr('x', box.left).attr('y', 3).attr('height', 12).attr('width', r.barWidth).attr('fill', BRANCH).attr('opacity', 0.7);
      g.append('line')
        .attr('x1', box.left + r.lo)
        .attr('x2', box.left + r.hi)
        .attr('y1', 9)
        .attr('y2', 9)
        .attr('stroke', 'currentColor')
        .attr('stroke-width', 2);
      g.append('text')
        .attr('x', W - box.right + 6)
        .attr('y', 13)
        .attr('fill', 'currentColor')
        .attr('font-size', 12)
        .text(r.label);
    }
  }, [data]);

  useEffect(() => {
    const lane = 30;
    const box: Box = { width: W, height: lane * data.teams.length + 4, left: 90, right: 10, top: 0, bottom: 0 };
    const svg = select(lanes.current).attr('viewBox', `0 0 ${W} ${box.height}`);
    svg.selectAll('*').remove();
    const color = { compromise: '#e74c3c', response: '#3b82f6', objective: 'currentColor' } as const;
    swimlaneDiff(data.events.played, data.events.branch, data.teams, data.owner, data.at, data.end, box).forEach((l, i) => {
      const g = svg.append('g').attr('transform', `translate(0,${i * lane})`);
      g.append('text')
        .attr('x', 4)
        .attr('y', lane / 2)
        .attr('dominant-baseline', 'middle')
        .text(l.team);
      for (const [k, marks] of [
        [0, l.played],
        [1, l.branch],
      ] as const) {
        for (const m of marks) {
          g.append('rect')
            .attr('x', m.x - 1)
            .attr('y', 4 + k * 12)
            .attr('width', 2)
            .attr('height', 10)
            .attr('fill', color[m.kind])
            .attr('opacity', m.only ? 1 : 0.25);
        }
      }
    });
  }, [data]);

  return (
    <div className="whatif-charts" data-testid="whatif-charts">
      <figure>
        <figcaption>{t('whatif.chart.scores')}</figcaption>
        <svg ref={scores} role="img" aria-label={t('whatif.chart.scores')} />
      </figure>
      <figure>
        <figcaption>{t('whatif.chart.objectives')}</figcaption>
        <svg ref={probs} role="img" aria-label={t('whatif.chart.objectives')} />
      </figure>
      <figure>
        <figcaption>{t('whatif.chart.lanes')}</figcaption>
        <svg ref={lanes} role="img" aria-label={t('whatif.chart.lanes')} />
      </figure>
    </div>
  );
}
