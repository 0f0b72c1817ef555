/**
 * Dry run and balance: the checked draft run headless once (one seed) or N times across web workers
 * with a progress bar; objective probabilities with 95% intervals, detection and containment times
 * and the score range per team, beside the figures of the previous saved version.
 */
import { useRef, useState } from 'react';
import { formatSimTime } from '../../../engine/constants.ts';
import type { ScenarioT, TextDiagnostic } from '../../../engine/types.ts';
import { type BalanceSummary, previousSaved, runBalance, summarise } from './balance.ts';
import { useStudioT } from './i18n/texts.ts';

export interface BalancePanelProps {
  scenario: () => Promise<{ scenario: ScenarioT | null; errors: TextDiagnostic[] }>;
  meta: { id: string | null; version: string | null };
  /** The latest balance's figures (kept with the version when it is saved). */
  onSummary: (s: BalanceSummary) => void;
}

const pct = (p: number) => `${Math.round(p * 100)}%`;
const time = (ms: number | null) => (ms === null ? '—' : formatSimTime(ms));

export function BalancePanel({ scenario, meta, onSummary }: BalancePanelProps) {
  const t = useStudioT();
  const [runs, setRuns] = useState('50');
  const [workers, setWorkers] = useState(String(Math.min(4, Math.max(1, navigator.hardwareConcurrency || 2))));
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = useState<BalanceSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const stop = useRef<AbortController | null>(null);
  const previous = meta.id ? previousSaved(meta.id, null) : null;

  const go = async (count: number) => {
    setProblem(null);
    setSummary(null);
    const checked = await scenario();
    if (!checked.scenario) return setProblem(t('studio.balance.invalid', { errors: checked.errors.length }));
    const seeds = Array.from({ length: count }, (_, i) => i + 1);
    const controller = new AbortController();
    stop.current = controller;
    setProgress({ done: 0, total: count });
    const started = performance.now();
    const r = await runBalance(checked.scenario, seeds, { workers: Number(workers) || 1, signal: controller.signal, onProgress: (done, total) => setProgress({ done, total }) });
    stop.current = null;
    if (!r.ok) return setProblem(r.message);
    const s = summarise(r.report);
    setSummary(s);
    onSummary(s);
    setProgress({ done: count, total: count });
    document.body.dataset.studioBalanceMs = String(Math.round(performance.now() - started));
  };
  const busy = stop.current !== null && progress !== null && progress.done < progress.total;
  const before = (id: string) => previous?.summary.objectives.find((o) => o.id === id);
  const teamBefore = (id: string) => previous?.summary.teams.find((x) => x.team === id);
  return (
    <section className="panel" aria-label={t('studio.balance.title')} data-testid="studio-balance">
      <header className="panel-head">
        <h2>{t('studio.balance.title')}</h2>
      </header>
      <div className="studio-open">
        <button type="button" data-testid="studio-dry-run" disabled={busy} onClick={() => void go(1)}>
          {t('studio.balance.dryRun')}
        </button>
        <label>
          {t('studio.balance.runs')} <input type="number" min={1} max={5000} value={runs} onChange={(e) => setRuns(e.target.value)} data-testid="studio-runs" />
        </label>
        <label>
          {t('studio.balance.workers')} <input type="number" min={1} max={16} value={workers} onChange={(e) => setWorkers(e.target.value)} data-testid="studio-workers" />
        </label>
        <button type="button" data-testid="studio-balance-run" disabled={busy} onClick={() => void go(Math.max(1, Math.min(5000, Number(runs) || 1)))}>
          {t('studio.balance.run')}
        </button>
        {busy ? (
          <button type="button" onClick={() => stop.current?.abort()}>
            {t('studio.balance.stop')}
          </button>
        ) : null}
      </div>
      {progress ? <progress className="studio-progress" data-testid="studio-progress" max={progress.total} value={progress.done} aria-label={t('studio.balance.progress', progress)} /> : null}
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      {summary ? (
        <div data-testid="studio-balance-result" data-runs={summary.runs}>
          <p className="muted">{previous ? t('studio.balance.comparedWith', { version: previous.version, runs: previous.summary.runs }) : t('studio.balance.noPrevious')}</p>
          <table>
            <thead>
              <tr>
                <th>{t('studio.balance.objective')}</th>
                <th>{t('studio.balance.probability')}</th>
                <th>{t('studio.balance.previous')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.objectives.map((o) => (
                <tr key={o.id}>
                  <td>{o.id}</td>
                  <td data-testid={`studio-p-${o.id}`}>{`${pct(o.probability)} (${pct(o.ci95[0])}–${pct(o.ci95[1])})`}</td>
                  <td>{before(o.id) ? pct(before(o.id)?.probability ?? 0) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <thead>
              <tr>
                <th>{t('studio.balance.team')}</th>
                <th>{t('studio.balance.detection')}</th>
                <th>{t('studio.balance.contain')}</th>
                <th>{t('studio.balance.score')}</th>
                <th>{t('studio.balance.previous')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.teams.map((x) => (
                <tr key={x.team} data-team={x.team}>
                  <td>{x.team}</td>
                  <td>{time(x.detectionMedianMs)}</td>
                  <td>{time(x.containMedianMs)}</td>
                  <td>{x.score ? `${x.score[0]}–${x.score[1]} (${x.scoreMedian})` : '—'}</td>
                  <td>{teamBefore(x.team)?.score ? `${teamBefore(x.team)?.score?.[0]}–${teamBefore(x.team)?.score?.[1]}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
