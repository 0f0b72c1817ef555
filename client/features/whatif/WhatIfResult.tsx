/**
 * What a what-if branch gave: the divergence from the played exercise, each objective as played, in the
 * branch once and over the sweep, the charts, pinning a finding, and the findings pinned so far with
 * the AAR export that carries them.
 */
import { useState } from 'react';
import { formatDuration } from '../../../engine/constants.ts';
import type { OpenedFork } from '../../../engine/types.ts';
import type { WhatIfFinding } from '../../../interchange/index.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { formatExerciseTime } from '../../i18n/time.ts';
import { download } from '../../lib/download.ts';
import { aarWithFindings, branchText, type OnceResult, pin, type SweepResult } from './session.ts';
import { WhatIfCharts, type ChartData } from './WhatIfCharts.tsx';

const pct = (x: number) => `${Math.round(100 * x)}%`;

/** The branch's result against the played exercise, and the form that pins a finding of it. */
export function BranchResult({
  once,
  sweep,
  chart,
  findings,
  setFindings,
  setIssues,
}: {
  once: OnceResult;
  sweep: SweepResult | null;
  chart: ChartData | null;
  findings: WhatIfFinding[];
  setFindings: (x: WhatIfFinding[]) => void;
  setIssues: (x: string[]) => void;
}) {
  const t = useT();
  const [objective, setObjective] = useState('');
  const [note, setNote] = useState('');
  return (
    <div data-testid="whatif-result">
      <p>
        {once.once.comparison.divergence
          ? t('whatif.diverge', {
              t: formatExerciseTime(once.once.comparison.divergence.t),
              played: once.once.comparison.divergence.played?.type ?? '—',
              branch: once.once.comparison.divergence.branch?.type ?? '—',
            })
          : t('whatif.same')}
      </p>
      <table data-testid="whatif-objectives">
        <thead>
          <tr>
            <th>{t('whatif.objective')}</th>
            <th>{t('whatif.asPlayed')}</th>
            <th>{t('whatif.branchOnce')}</th>
            {sweep ? <th>{t('whatif.branchSweep', { n: sweep.comparison.runs })}</th> : null}
          </tr>
        </thead>
        <tbody>
          {once.once.comparison.objectives.map((o) => {
            const s = sweep?.comparison.objectives.find((x) => x.id === o.id);
            return (
              <tr key={o.id}>
                <td className="mono">{o.id}</td>
                <td>{o.played === null ? t('whatif.notReached') : formatExerciseTime(o.played)}</td>
                <td>{o.branch === null ? t('whatif.notReached') : formatExerciseTime(o.branch)}</td>
                {s ? <td data-testid={`whatif-p-${o.id}`}>{`${pct(s.probability)} (${pct(s.ci95[0])}–${pct(s.ci95[1])})`}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {chart ? <WhatIfCharts data={chart} /> : null}
      <div className="whatif-pin">
        <select value={objective} onChange={(e) => setObjective(e.target.value)} data-testid="whatif-objective">
          <option value="">{t('whatif.pickObjective')}</option>
          {once.once.comparison.objectives.map((o) => (
            <option key={o.id} value={o.id}>
              {o.id}
            </option>
          ))}
        </select>
        <input placeholder={t('whatif.note')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="whatif-note" />
        <button
          type="button"
          data-testid="whatif-pin"
          disabled={objective === ''}
          onClick={() => {
            const r = pin(once, sweep, objective, findings.length + 1, note);
            if (!r.ok) return setIssues([r.message]);
            setFindings([...findings, r.finding]);
            setNote('');
          }}
        >
          {t('whatif.pin')}
        </button>
        <button type="button" data-testid="whatif-download-branch" onClick={() => download(`whatif-branch-${formatDuration(once.at)}.jsonl`, branchText(once), 'application/x-ndjson')}>
          {t('whatif.downloadBranch')}
        </button>
      </div>
    </div>
  );
}

/** The findings pinned so far, each with its branch file, and the AAR export that carries them. */
export function PinnedFindings({ fork, findings }: { fork: OpenedFork; findings: WhatIfFinding[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <div data-testid="whatif-findings">
      <h3>{t('whatif.pinned')}</h3>
      <ul>
        {findings.map((f) => (
          <li key={f.id}>
            <b>{f.id}</b>
            {` ${f.objective}: ${f.runs === 1 ? (f.achieved === 1 ? t('whatif.reached') : t('whatif.notReached')) : t('whatif.share', { p: pct(f.probability), n: f.runs, lo: pct(f.ci95[0]), hi: pct(f.ci95[1]) })}`}{' '}
            <button type="button" onClick={() => download(f.branch.fileName, f.branch.log, 'application/x-ndjson')}>
              {f.branch.fileName}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" data-testid="whatif-export-aar" onClick={() => download(`aar-${fork.replayer.compiled.meta.id}.md`, aarWithFindings(fork, findings, lang))}>
        {t('whatif.exportAar')}
      </button>
    </div>
  );
}
