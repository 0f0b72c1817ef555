/**
 * The scenario studio (`#/studio`, its own lazily loaded chunk): the draft's YAML in the editor, the
 * engine validator's diagnostics as underlines and as a list, and beside the text the live panes.
 * The page owns the draft (text, model, cursor); the editor, the panes and the tabs read it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TextDiagnostic } from '../../../engine/types.ts';
import { Tabs } from '../shell/Tabs.tsx';
import type { CheckResult } from './checker.ts';
import { DraftChecker } from './checker.ts';
import { Editor, type EditorHandle } from './Editor.tsx';
import { useStudioT } from './i18n/texts.ts';
import { findItem, type ItemKind, itemAt, type StudioModel } from './model.ts';
import { GraphPane, MapPane, TimelinePane } from './Panes.tsx';
import { OpenBar } from './OpenBar.tsx';
import { BalancePanel } from './BalancePanel.tsx';
import type { BalanceSummary } from './balance.ts';
import { MselTable } from './MselTable.tsx';
import { SavePanel } from './SavePanel.tsx';
import { useLang } from '../../i18n/react.tsx';
import './studio.css';

const EMPTY: StudioModel = { teams: [], segments: [], nodes: [], campaigns: [], injects: [], msel: [], meta: { id: null, version: null }, durationMs: null, items: [], ids: new Map() };

export interface Draft {
  name: string;
  text: string;
  serial: number;
}

function Diagnostics({ result, onGo, t }: { result: CheckResult | null; onGo: (d: TextDiagnostic) => void; t: (k: string, p?: Record<string, string | number>) => string }) {
  if (!result)
    return (
      <p className="muted" data-testid="studio-status">
        {t('studio.checking')}
      </p>
    );
  const all = [...result.errors, ...result.warnings];
  return (
    <div className="studio-diagnostics">
      <p data-testid="studio-status" data-errors={result.errors.length} data-warnings={result.warnings.length}>
        {result.errors.length === 0 ? t('studio.valid', { warnings: result.warnings.length }) : t('studio.invalid', { errors: result.errors.length, warnings: result.warnings.length })}
      </p>
      {all.length > 0 ? (
        <ul data-testid="studio-problems">
          {all.slice(0, 50).map((d) => (
            <li key={`${d.line}:${d.col}:${d.path}:${d.message}`} className={d.severity}>
              <button type="button" className="link" onClick={() => onGo(d)} data-line={d.line}>{`${d.line}:${d.col}`}</button> <code>{d.path}</code> {d.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export default function StudioPage() {
  const t = useStudioT();
  const [draft, setDraft] = useState<Draft>({ name: 'draft.yaml', text: '', serial: 0 });
  const [model, setModel] = useState<StudioModel>(EMPTY);
  const [cursorOffset, setCursorOffset] = useState(0);
  const [checked, setChecked] = useState<CheckResult | null>(null);
  const [latency, setLatency] = useState<number | null>(null);
  const checks = useRef(0);
  const [tab, setTab] = useState('live');
  const text = useRef(draft.text);
  const editor = useRef<EditorHandle>(null);
  const modelRef = useRef(model);
  modelRef.current = model;

  const checker = useMemo(
    () =>
      new DraftChecker((m, checkedText) => {
        if (m && checkedText === text.current) setModel(m);
      }),
    [],
  );
  useEffect(() => () => checker.dispose(), [checker]);
  const lang = useLang();
  useEffect(() => {
    checker.lang = lang;
  }, [checker, lang]);
  const latestSummary = useRef<BalanceSummary | null>(null);

  const check = useCallback((value: string) => checker.check(value), [checker]);
  const cursor = useMemo(() => itemAt(model.items, cursorOffset), [model, cursorOffset]);
  const pick = useCallback((kind: ItemKind, id: string) => {
    const item = findItem(modelRef.current.items, kind, id);
    if (item) editor.current?.moveTo(item.from);
  }, []);
  const goTo = useCallback((d: TextDiagnostic) => {
    const lines = text.current.split('\n');
    let offset = 0;
    for (let i = 0; i < d.line - 1 && i < lines.length; i++) offset += (lines[i] as string).length + 1;
    editor.current?.moveTo(offset + Math.max(0, d.col - 1));
  }, []);
  const open = (name: string, value: string) => {
    text.current = value;
    setChecked(null);
    setModel(EMPTY);
    setDraft((d) => ({ name, text: value, serial: d.serial + 1 }));
  };

  const panes = { model, cursor, onPick: pick };
  return (
    <main className="page studio" data-testid="studio">
      <header className="studio-head">
        <h1>{t('studio.title')}</h1>
        <OpenBar onOpen={open} />
        <a href="#/">{t('app.toLobby')}</a>
      </header>
      <div className="studio-body">
        <section className="studio-text" aria-label={t('studio.text')}>
          <p className="muted">
            {draft.name}
            {cursor ? (
              <span data-testid="studio-cursor" data-kind={cursor.kind} data-id={cursor.id}>
                {' '}
                · {t(`studio.kind.${cursor.kind}`)} {cursor.id}
              </span>
            ) : null}
            {latency !== null ? (
              <span className="studio-latency" data-testid="studio-latency" data-ms={latency.toFixed(1)} data-checks={checks.current}>
                {' '}
                · {t('studio.latency', { ms: Math.round(latency) })}
              </span>
            ) : null}
          </p>
          <Editor
            key={draft.serial}
            handle={editor}
            initial={draft.text}
            check={check}
            ids={() => modelRef.current.ids}
            label={t('studio.text')}
            onChange={(v) => {
              text.current = v;
            }}
            onCursor={setCursorOffset}
            onChecked={(r, ms) => {
              checks.current++;
              setChecked(r);
              setLatency(ms);
            }}
          />
          <Diagnostics result={checked} onGo={goTo} t={t} />
        </section>
        <section className="studio-panes">
          <Tabs
            label={t('studio.panes')}
            active={tab}
            onChange={setTab}
            tabs={[
              {
                id: 'live',
                label: t('studio.tab.live'),
                render: () => (
                  <div className="studio-live">
                    <MapPane {...panes} />
                    <GraphPane {...panes} />
                    <TimelinePane {...panes} durationMs={model.durationMs} />
                  </div>
                ),
              },
              {
                id: 'table',
                label: t('studio.tab.table'),
                render: () => (
                  <MselTable
                    rows={model.msel}
                    selected={cursor?.kind === 'inject' ? cursor.id : null}
                    text={() => text.current}
                    onEdited={(next) => editor.current?.replace(next)}
                    onPick={(id) => pick('inject', id)}
                  />
                ),
              },
              {
                id: 'balance',
                label: t('studio.tab.balance'),
                render: () => (
                  <BalancePanel
                    scenario={() => checker.scenario(text.current)}
                    meta={model.meta}
                    onSummary={(s) => {
                      latestSummary.current = s;
                    }}
                  />
                ),
              },
              {
                id: 'save',
                label: t('studio.tab.save'),
                render: () => <SavePanel scenarioId={model.meta.id} errors={checked ? checked.errors.length : null} text={() => text.current} summary={() => latestSummary.current} />,
              },
            ]}
          />
        </section>
      </div>
    </main>
  );
}
