/**
 * The improvement plan across exercises: every corrective action collected from this server's
 * exercises or imported from partners' packages (marked with their TLP), with capability, owner,
 * due date and status updated in place by controllers and evaluators, and the tracker as CSV.
 */
import { useCallback, useEffect, useState } from 'react';
import { PLAN_STATUSES, type PlanItem, type PlanStatus, type PlanUpdateRequest } from '../../../protocol/plan.ts';
import { useStore } from 'zustand';
import { useLang, useT } from '../../i18n/react.tsx';
import { prefsStore } from '../../store/prefs.ts';
import { downloadBlob } from '../../lib/download.ts';
import { libraryApi, libraryFile } from '../../net/library-api.ts';
import { formatWhen, refusalSentence } from './operator.ts';

function PlanRow({ item, operator, onSaved, onError }: { item: PlanItem; operator: string; onSaved: (i: PlanItem) => void; onError: (m: string) => void }) {
  const t = useT();
  const lang = useLang();
  const timeZone = useStore(prefsStore, (p) => p.timeZone);
  const [draft, setDraft] = useState({ owner: item.owner, dueDate: item.dueDate, status: item.status, capability: item.capability ?? '', note: item.note });
  const [busy, setBusy] = useState(false);
  const changed = draft.owner !== item.owner || draft.dueDate !== item.dueDate || draft.status !== item.status || draft.capability !== (item.capability ?? '') || draft.note !== item.note;
  const save = async () => {
    const body: PlanUpdateRequest = { owner: draft.owner, dueDate: draft.dueDate, status: draft.status, capability: draft.capability || null, note: draft.note };
    setBusy(true);
    const reply = await libraryApi.updatePlan(operator, item.id, body);
    setBusy(false);
    if (reply.ok) onSaved(reply.item);
    else onError(refusalSentence(t, reply));
  };
  return (
    <tr data-item={item.id}>
      <th scope="row">
        <span className="mono" dir="ltr">
          {item.aarItem}
        </span>
        {item.origin.tlp ? (
          <span className={`tlp tlp-${item.origin.tlp.toLowerCase().replace('+', '-')}`} data-testid="plan-tlp">
            {' '}
            TLP:{item.origin.tlp}
          </span>
        ) : null}
        <div className="muted">{item.origin.kind === 'package' ? t('library.plan.fromPackage', { title: item.origin.title }) : item.origin.title}</div>
      </th>
      <td>
        <input value={draft.capability} onChange={(e) => setDraft({ ...draft, capability: e.target.value })} aria-label={t('library.plan.capability')} />
      </td>
      <td>
        {item.issue}
        <div className="muted">{item.correctiveAction}</div>
      </td>
      <td>
        <input value={draft.owner} onChange={(e) => setDraft({ ...draft, owner: e.target.value })} aria-label={t('library.plan.owner')} />
      </td>
      <td>
        <input type="date" value={draft.dueDate} onChange={(e) => setDraft({ ...draft, dueDate: e.target.value })} aria-label={t('library.plan.due')} dir="ltr" />
      </td>
      <td>
        <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as PlanStatus })} aria-label={t('library.plan.status')} data-testid="plan-status">
          {PLAN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`library.plan.st.${s}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} aria-label={t('library.plan.note')} />
      </td>
      <td className="row-actions">
        <button type="button" disabled={!changed || busy} onClick={() => void save()} data-testid="plan-save">
          {t('library.plan.save')}
        </button>
        <div className="muted">{t('library.plan.updated', { who: item.updatedBy, when: formatWhen(item.updatedAt, lang, timeZone, true) })}</div>
      </td>
    </tr>
  );
}

export function PlanTable({ operator }: { operator: string }) {
  const t = useT();
  const [items, setItems] = useState<PlanItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const load = useCallback(async () => {
    const reply = await libraryApi.plan(operator);
    if (reply.ok) setItems(reply.items);
    else setError(refusalSentence(t, reply));
  }, [operator, t]);
  useEffect(() => {
    void load();
  }, [load]);
  const importPackage = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    const reply = await libraryApi.importPlan(operator, await file.text());
    if (reply.ok) {
      setItems(reply.items);
      setNote(t('library.plan.added', { count: reply.added }));
    } else setError(refusalSentence(t, reply));
  };
  const csv = async () => {
    const reply = await libraryFile(operator, '/plan.csv', 'improvement-plan.csv');
    if (reply.ok) downloadBlob(reply.fileName, reply.blob);
    else setError(refusalSentence(t, reply));
  };
  return (
    <section className="panel" aria-labelledby="library-plan">
      <h2 id="library-plan">{t('library.tab.plan')}</h2>
      <p className="muted">{t('library.plan.help')}</p>
      <div className="toolbar">
        <button type="button" onClick={() => void csv()} data-testid="plan-csv">
          {t('library.plan.csv')}
        </button>
        <label>
          {t('library.plan.import')}
          <input type="file" accept=".json,.rpkg,application/json" onChange={(e) => void importPackage(e.target.files?.[0])} data-testid="plan-import" />
        </label>
      </div>
      {note ? <p role="status">{note}</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {items === null && !error ? <p role="status">{t('app.loading')}</p> : null}
      {items && items.length === 0 ? <p>{t('library.plan.empty')}</p> : null}
      {items && items.length > 0 ? (
        <table className="library-table" data-testid="plan-table">
          <thead>
            <tr>
              {['item', 'capability', 'issue', 'owner', 'due', 'status', 'note', 'actions'].map((c) => (
                <th key={c} scope="col">
                  {t(`library.plan.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <PlanRow key={`${i.id}|${i.updatedAt}`} item={i} operator={operator} onError={setError} onSaved={(next) => setItems(items.map((x) => (x.id === next.id ? next : x)))} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
