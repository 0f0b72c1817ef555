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
import { useLang, useT } from '../../i18n/react.tsx';
import { formatExerciseTime } from '../../i18n/time.ts';
import { download } from '../../lib/download.ts';
import { type AddedAction, draftEdits, playedAfter } from './model.ts';
import { aarWithFindings, branchText, type OnceResult, pin, runOnce, runSweep, scoreTimelines, type SweepResult } from './session.ts';
import { WhatIfCharts, type ChartData } from './WhatIfCharts.tsx';

const pct = (x: number) => `${Math.round(100 * x)}%`;

export function WhatIfPanel({ fork, cursor, node }: { fork: OpenedFork; cursor: number; node: string | null }) {
  const t = useT();
  const lang = useLang();
  const compiled = fork.replayer.compiled;
  const teams = useMemo(() => compiled.blue.map((b) => b.id), [compiled]);
  const actions = useMemo(() => [...compiled.actions.values()].filter((a) => ['isolate', 'patch', 'restore-backup', 'reset-credentials', 'collect-forensics', 'reconnect'].includes(a.kind)), [compiled]);
  const [open, setOpen] = useState(false);
  const [atText, setAtText] = useState('');
  const [drops, setDrops] = useState<Set<number>>(new Set());
  const [moves, setMoves] = useState<Map<number, string>>(new Map());
  const [adds, setAdds] = useState<AddedAction[]>([]);
  const [add, setAdd] = useState({ team: teams[0] ?? '', action: actions[0]?.id ?? '', node: '', at: '' });
  const [runs, setRuns] = useState(50);
  const [issues, setIssues] = useState<string[]>([]);
  const [once, setOnce] = useState<OnceResult | null>(null);
  const [sweep, setSweep] = useState<SweepResult | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [objective, setObjective] = useState('');
  const [note, setNote] = useState('');
  const [findings, setFindings] = useState<WhatIfFinding[]>([]);

  const at = parseDuration(atText);
  const atMs = at.ok ? at.ms : null;
  const played = useMemo(() => (atMs === null ? [] : playedAfter(fork.log, atMs)), [fork, atMs]);
  const nodeChoice = add.node || node || '';

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
      at: once.at, end: Math.max(final.clock, once.once.run.state.clock), teams, owner,
      scores: { played: scoreTimelines(final, teams), branch: scoreTimelines(once.once.run.state, teams) },
      events: { played: fork.replayer.events.filter((e) => e.seq > once.once.run.start.seq), branch: once.once.run.events },
      objectives: sweep ? sweep.comparison.objectives : once.once.comparison.objectives,
    };
  }, [once, sweep, fork, compiled, teams]);

  if (!open) {
    return <button type="button" onClick={start} data-testid="whatif-open">{t('whatif.fromHere', { at: formatExerciseTime(cursor) })}</button>;
  }
  return (
    <section className="panel whatif" data-testid="whatif">
      <h2>{t('whatif.title')}</h2>
      <p className="muted">{t('whatif.intro')}</p>
      <label>{t('whatif.at')} <input value={atText} onChange={(e) => setAtText(e.target.value)} data-testid="whatif-at" size={10} /></label>
      <button type="button" onClick={() => setAtText(formatDuration(Math.round(cursor / 1000) * 1000))}>{t('whatif.useCursor')}</button>

      <h3>{t('whatif.played', { n: played.length })}</h3>
      <div className="whatif-played">
        <table>
          <thead><tr><th>#</th><th>{t('whatif.time')}</th><th>{t('whatif.who')}</th><th>{t('whatif.what')}</th><th>{t('whatif.drop')}</th><th>{t('whatif.moveTo')}</th></tr></thead>
          <tbody>
            {played.map((p) => (
              <tr key={p.record}>
                <td className="mono">{p.record}</td><td className="mono">{formatExerciseTime(p.t)}</td><td>{p.who}</td><td className="mono">{p.what}</td>
                <td><input type="checkbox" checked={drops.has(p.record)} data-testid={`whatif-drop-${p.record}`} onChange={(e) => {
                  const next = new Set(drops);
                  if (e.target.checked) next.add(p.record); else next.delete(p.record);
                  setDrops(next);
                }} /></td>
                <td><input size={8} value={moves.get(p.record) ?? ''} onChange={(e) => setMoves(new Map(moves).set(p.record, e.target.value))} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t('whatif.add')}</h3>
      <div className="whatif-add">
        <select value={add.team} onChange={(e) => setAdd({ ...add, team: e.target.value })} data-testid="whatif-add-team">{teams.map((x) => <option key={x} value={x}>{x}</option>)}</select>
        <select value={add.action} onChange={(e) => setAdd({ ...add, action: e.target.value })} data-testid="whatif-add-action">{actions.map((a) => <option key={a.id} value={a.id}>{a.id}</option>)}</select>
        <input list="whatif-nodes" placeholder={t('whatif.node')} value={nodeChoice} onChange={(e) => setAdd({ ...add, node: e.target.value })} data-testid="whatif-add-node" />
        <datalist id="whatif-nodes">{compiled.nodes.filter((n) => n.owner === add.team).map((n) => <option key={n.id} value={n.id} />)}</datalist>
        <input placeholder={t('whatif.when')} size={8} value={add.at} onChange={(e) => setAdd({ ...add, at: e.target.value })} data-testid="whatif-add-at" />
        <button type="button" data-testid="whatif-add-button" onClick={() => {
          const d = parseDuration(add.at);
          if (!d.ok || nodeChoice === '') return setIssues([d.ok ? t('whatif.pickNode') : d.message]);
          setAdds([...adds, { team: add.team, action: add.action, node: nodeChoice, at: d.ms }]);
          setAdd({ ...add, node: '', at: '' });
        }}>{t('whatif.addButton')}</button>
        <ul>{adds.map((a, i) => <li key={i} className="mono">{`${a.team}: ${a.action} ${a.node} @ ${formatExerciseTime(a.at)}`} <button type="button" onClick={() => setAdds(adds.filter((_, k) => k !== i))}>×</button></li>)}</ul>
      </div>

      <div className="whatif-run">
        <button type="button" onClick={() => void runBranch(null)} data-testid="whatif-run-once" disabled={progress !== null}>{t('whatif.runOnce')}</button>
        <label>{t('whatif.runs')} <input type="number" min={1} max={10000} value={runs} onChange={(e) => setRuns(Math.max(1, Math.min(10_000, Number(e.target.value) || 1)))} data-testid="whatif-runs" /></label>
        <button type="button" onClick={() => void runBranch(runs)} data-testid="whatif-run-sweep" disabled={progress !== null}>{t('whatif.runSweep', { n: runs })}</button>
        {progress ? <progress value={progress.done} max={progress.total} data-testid="whatif-progress">{`${progress.done}/${progress.total}`}</progress> : null}
      </div>
      {issues.length > 0 ? <ul role="alert" className="error" data-testid="whatif-issues">{issues.map((x, i) => <li key={i}>{x}</li>)}</ul> : null}

      {once ? (
        <div data-testid="whatif-result">
          <p>{once.once.comparison.divergence ? t('whatif.diverge', { t: formatExerciseTime(once.once.comparison.divergence.t), played: once.once.comparison.divergence.played?.type ?? '—', branch: once.once.comparison.divergence.branch?.type ?? '—' }) : t('whatif.same')}</p>
          <table data-testid="whatif-objectives">
            <thead><tr><th>{t('whatif.objective')}</th><th>{t('whatif.asPlayed')}</th><th>{t('whatif.branchOnce')}</th>{sweep ? <th>{t('whatif.branchSweep', { n: sweep.comparison.runs })}</th> : null}</tr></thead>
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
              {once.once.comparison.objectives.map((o) => <option key={o.id} value={o.id}>{o.id}</option>)}
            </select>
            <input placeholder={t('whatif.note')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="whatif-note" />
            <button type="button" data-testid="whatif-pin" disabled={objective === ''} onClick={() => {
              const r = pin(once, sweep, objective, findings.length + 1, note);
              if (!r.ok) return setIssues([r.message]);
              setFindings([...findings, r.finding]);
              setNote('');
            }}>{t('whatif.pin')}</button>
            <button type="button" data-testid="whatif-download-branch" onClick={() => download(`whatif-branch-${formatDuration(once.at)}.jsonl`, branchText(once), 'application/x-ndjson')}>{t('whatif.downloadBranch')}</button>
          </div>
        </div>
      ) : null}

      {findings.length > 0 ? (
        <div data-testid="whatif-findings">
          <h3>{t('whatif.pinned')}</h3>
          <ul>{findings.map((f) => (
            <li key={f.id}>
              <b>{f.id}</b>{` ${f.objective}: ${f.runs === 1 ? (f.achieved === 1 ? t('whatif.reached') : t('whatif.notReached')) : t('whatif.share', { p: pct(f.probability), n: f.runs, lo: pct(f.ci95[0]), hi: pct(f.ci95[1]) })}`}
              {' '}<button type="button" onClick={() => download(f.branch.fileName, f.branch.log, 'application/x-ndjson')}>{f.branch.fileName}</button>
            </li>
          ))}</ul>
          <button type="button" data-testid="whatif-export-aar" onClick={() => download(`aar-${compiled.meta.id}.md`, aarWithFindings(fork, findings, lang))}>{t('whatif.exportAar')}</button>
        </div>
      ) : null}
    </section>
  );
}
