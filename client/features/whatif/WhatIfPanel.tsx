/**
 * "What if from here", under the timeline of a replayed log (evaluators and the white cell: only they
 * hold the log): fork at the timeline's moment, drop or move played commands, add an action on a node
 * (picked in the list or on the map), run the branch once or N times in web workers, see the
 * comparison, pin findings and export the AAR with them.
 */
import { useMemo, useState } from 'react';
import { formatDuration, parseDuration } from '../../../engine/constants.ts';
import type { EditIssue, OpenedFork } from '../../../engine/types.ts';
import type { WhatIfFinding } from '../../../interchange/index.ts';
import { useT } from '../../i18n/react.tsx';
import { formatExerciseTime } from '../../i18n/time.ts';
import { type AddedAction, draftEdits, playedAfter } from './model.ts';
import { type OnceResult, runOnce, runSweep, scoreTimelines, type SweepResult } from './session.ts';
import type { ChartData } from './WhatIfCharts.tsx';
import { AddedActions, PlayedCommands } from './WhatIfEdits.tsx';
import { BranchResult, PinnedFindings } from './WhatIfResult.tsx';

export function WhatIfPanel({ fork, cursor, node }: { fork: OpenedFork; cursor: number; node: string | null }) {
  const t = useT();
  const compiled = fork.replayer.compiled;
  const teams = useMemo(() => compiled.blue.map((b) => b.id), [compiled]);
  const actions = useMemo(
    () => [...compiled.actions.values()].filter((a) => ['isolate', 'patch', 'restore-backup', 'reset-credentials', 'collect-forensics', 'reconnect'].includes(a.kind)),
    [compiled],
  );
  const [open, setOpen] = useState(false);
  const [atText, setAtText] = useState('');
  const [drops, setDrops] = useState<Set<number>>(new Set());
  const [moves, setMoves] = useState<Map<number, string>>(new Map());
  const [adds, setAdds] = useState<AddedAction[]>([]);
  const [runs, setRuns] = useState(50);
  const [issues, setIssues] = useState<string[]>([]);
  const [once, setOnce] = useState<OnceResult | null>(null);
  const [sweep, setSweep] = useState<SweepResult | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [findings, setFindings] = useState<WhatIfFinding[]>([]);

  const at = parseDuration(atText);
  const atMs = at.ok ? at.ms : null;
  const played = useMemo(() => (atMs === null ? [] : playedAfter(fork.log, atMs)), [fork, atMs]);

  const edits = (): { ok: true; edits: ReturnType<typeof draftEdits> } | { ok: false; problems: string[] } => {
    const problems: string[] = [];
    const moved = new Map<number, number>();
    for (const [record, text] of moves) {
      if (text.trim() === '') continue;
      const d = parseDuration(text);
      if (d.ok) moved.set(record, d.ms);
      else problems.push(t('whatif.badMove', { record, message: d.message }));
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, edits: draftEdits({ at: atMs ?? 0, drops, moves: moved, adds }) };
  };
  const located = (xs: readonly EditIssue[]) => xs.map((x) => `${x.path.join('.')}: ${x.message}`);

  const start = () => {
    setOpen(true);
    setAtText(formatDuration(Math.round(cursor / 1000) * 1000));
  };
  const runBranch = async (n: number | null) => {
    setIssues([]);
    setSweep(null);
    if (atMs === null) return setIssues([t('whatif.badAt')]);
    const e = edits();
    if (!e.ok) return setIssues(e.problems);
    const r = runOnce(fork, atMs, e.edits);
    if (!r.ok) return setIssues(located(r.issues));
    setOnce(r.result);
    if (n === null) return;
    setProgress({ done: 0, total: n });
    const s = await runSweep(fork, r.result, n, (done, total) => setProgress({ done, total }));
    setProgress(null);
    if (!s.ok) return setIssues([s.message]);
    setSweep(s.sweep);
  };

  const chart: ChartData | null = useMemo(() => {
    if (!once) return null;
    const final = fork.replayer.final();
    const owner = (id: string) => compiled.nodes[compiled.nodeIndex.get(id) ?? -1]?.owner;
    return {
      at: once.at,
      end: Math.max(final.clock, once.once.run.state.clock),
      teams,
      owner,
      scores: { played: scoreTimelines(final, teams), branch: scoreTimelines(once.once.run.state, teams) },
      events: { played: fork.replayer.events.filter((e) => e.seq > once.once.run.start.seq), branch: once.once.run.events },
      objectives: sweep ? sweep.comparison.objectives : once.once.comparison.objectives,
    };
  }, [once, sweep, fork, compiled, teams]);

  if (!open) {
    return (
      <button type="button" onClick={start} data-testid="whatif-open">
        {t('whatif.fromHere', { at: formatExerciseTime(cursor) })}
      </button>
    );
  }
  return (
    <section className="panel whatif" data-testid="whatif">
      <h2>{t('whatif.title')}</h2>
      <p className="muted">{t('whatif.intro')}</p>
      <label>
        {t('whatif.at')} <input value={atText} onChange={(e) => setAtText(e.target.value)} data-testid="whatif-at" size={10} />
      </label>
      <button type="button" onClick={() => setAtText(formatDuration(Math.round(cursor / 1000) * 1000))}>
        {t('whatif.useCursor')}
      </button>

      <PlayedCommands played={played} drops={drops} setDrops={setDrops} moves={moves} setMoves={setMoves} />
      <AddedActions compiled={compiled} teams={teams} actions={actions} node={node} adds={adds} setAdds={setAdds} setIssues={setIssues} />

      <div className="whatif-run">
        <button type="button" onClick={() => void runBranch(null)} data-testid="whatif-run-once" disabled={progress !== null}>
          {t('whatif.runOnce')}
        </button>
        <label>
          {t('whatif.runs')} <input type="number" min={1} max={10000} value={runs} onChange={(e) => setRuns(Math.max(1, Math.min(10_000, Number(e.target.value) || 1)))} data-testid="whatif-runs" />
        </label>
        <button type="button" onClick={() => void runBranch(runs)} data-testid="whatif-run-sweep" disabled={progress !== null}>
          {t('whatif.runSweep', { n: runs })}
        </button>
        {progress ? <progress value={progress.done} max={progress.total} data-testid="whatif-progress">{`${progress.done}/${progress.total}`}</progress> : null}
      </div>
      {issues.length > 0 ? (
        <ul role="alert" className="error" data-testid="whatif-issues">
          {issues.map((x, i) => (
            <li key={i}>{x}</li>
          ))}
        </ul>
      ) : null}

      {once ? <BranchResult once={once} sweep={sweep} chart={chart} findings={findings} setFindings={setFindings} setIssues={setIssues} /> : null}
      {findings.length > 0 ? <PinnedFindings fork={fork} findings={findings} /> : null}
    </section>
  );
}
