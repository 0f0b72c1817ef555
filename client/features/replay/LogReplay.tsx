/** Load a log file (JSON Lines from `ramparts run --log` or an exercise package) and replay it. */
import { useState } from 'react';
import { useT } from '../../i18n/react.tsx';
import { StartDateContext } from '../shell/Clock.tsx';
import { TimelineView } from '../timeline/TimelineView.tsx';
import { logSource, type LogSourceResult } from './engine-source.ts';

export default function LogReplay() {
  const t = useT();
  const [result, setResult] = useState<LogSourceResult | null>(null);
  const [busy, setBusy] = useState(false);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    const text = await file.text();
    // Let the "replaying" status paint before the fold blocks the thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
    setResult(logSource(text));
    setBusy(false);
  };
  return (
    <div className="log-replay">
      <label className="file-pick">
        {t('replay.pick')}
        <input type="file" accept=".jsonl,.log,.json,.txt" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="log-file" />
      </label>
      {busy ? <p role="status">{t('replay.working')}</p> : null}
      {result && !result.ok ? (
        <div role="alert" className="error">
          <p>{t('replay.failed')}</p>
          <ul>{result.errors.map((e, i) => <li key={i} className="mono">{e}</li>)}</ul>
        </div>
      ) : null}
      {result && result.ok ? (
        <StartDateContext.Provider value={result.startDate}>
          <p className="muted">{t('replay.loaded', { title: result.title, seed: result.seed })}</p>
          <TimelineView source={result.source} />
        </StartDateContext.Provider>
      ) : null}
    </div>
  );
}
