/**
 * Replays a log in the browser with the engine: a file picked by the user (JSON Lines from
 * `ramparts run --log`, the server's log export or an exercise package), or this exercise's log
 * fetched from the server (controller and evaluator seats). Under the timeline, "what if from here"
 * (client/features/whatif): only those who hold the log, the white cell and evaluators, see it.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/react.tsx';
import { exerciseLog } from '../../net/api.ts';
import { StartDateContext } from '../shell/Clock.tsx';
import { TimelineView } from '../timeline/TimelineView.tsx';
import { openLog, type LogSourceResult } from './engine-source.ts';
import { WhatIfPanel } from '../whatif/WhatIfPanel.tsx';

/** Lets the "replaying" status paint before the fold blocks the thread. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Opens a log's text and folds its seek index in slices, publishing the timeline after each (it is
 * usable from the first slice and grows to the end of the log); stops when `live()` turns false.
 */
async function foldLog(text: string, publish: (r: LogSourceResult) => void, live: () => boolean): Promise<void> {
  const made = openLog(text);
  if (!made.ok) return publish(made);
  for (let first = true; live(); first = false) {
    const r = made.log.next(first ? 30 : 150);
    publish(r);
    if (!r.ok || made.log.done) return;
    await nextTask();
  }
}

function Result({ result }: { result: LogSourceResult }) {
  const t = useT();
  if (!result.ok) {
    return (
      <div role="alert" className="error">
        <p>{t('replay.failed')}</p>
        <ul>
          {result.errors.map((e, i) => (
            <li key={i} className="mono">
              {e}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <StartDateContext.Provider value={result.startDate}>
      {/* "replay-loaded" once the whole log is folded (verified, open for what-if); the timeline is usable before */}
      <p className="muted" data-testid={result.fork ? 'replay-loaded' : 'replay-opening'}>
        {t('replay.loaded', { title: result.title, seed: result.seed })}
      </p>
      {result.fork ? null : (
        <p role="status" className="muted" data-testid="replay-indexing">
          {t('replay.indexing', { done: result.applied, total: result.total })}
        </p>
      )}
      <TimelineView source={result.source} below={(cursor, node) => (result.fork ? <WhatIfPanel fork={result.fork} cursor={cursor} node={node} /> : null)} />
    </StartDateContext.Provider>
  );
}

export default function LogReplay() {
  const t = useT();
  const [result, setResult] = useState<LogSourceResult | null>(null);
  const [busy, setBusy] = useState(false);
  const picked = useRef(0);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const n = ++picked.current;
    setBusy(true);
    const text = await file.text();
    await nextTask();
    await foldLog(
      text,
      (r) => {
        setResult(r);
        setBusy(false);
      },
      () => picked.current === n,
    );
  };
  useEffect(
    () => () => {
      picked.current = -1;
    },
    [],
  );
  return (
    <div className="log-replay">
      <label className="file-pick">
        {t('replay.pick')}
        <input type="file" accept=".jsonl,.log,.json,.txt" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="log-file" />
      </label>
      {busy ? <p role="status">{t('replay.working')}</p> : null}
      {result ? <Result result={result} /> : null}
    </div>
  );
}

/** This exercise's log, fetched once when shown (it holds the ground truth: controller and evaluators only). */
export function ServerLogReplay({ exerciseId, token }: { exerciseId: string; token: string }) {
  const t = useT();
  const [result, setResult] = useState<LogSourceResult | null>(null);
  const [reload, setReload] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` is the retry button's trigger: a new value fetches again
  useEffect(() => {
    let live = true;
    setResult(null);
    void (async () => {
      const reply = await exerciseLog(exerciseId, token);
      await nextTask();
      if (!live) return;
      if (reply.ok) await foldLog(reply.text, setResult, () => live);
      else setResult({ ok: false, errors: [`${reply.code}: ${reply.message}`] });
    })();
    return () => {
      live = false;
    };
  }, [exerciseId, token, reload]);
  return (
    <div className="log-replay">
      <button type="button" onClick={() => setReload((n) => n + 1)} data-testid="reload-log">
        {t('replay.reload')}
      </button>
      {result ? <Result result={result} /> : <p role="status">{t('replay.working')}</p>}
    </div>
  );
}
