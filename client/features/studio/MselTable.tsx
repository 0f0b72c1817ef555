/**
 * The MSEL as a table: one row per inject (time, teams, channel, from, content, expected response,
 * capability). A changed cell is written into the YAML where that value is (msel-edit.ts), comments
 * and formatting kept; the editor then checks the text as after any edit. The id goes to the line.
 */
import { useState } from 'react';
import { useLang } from '../../i18n/react.tsx';
import { useStudioT } from './i18n/texts.ts';
import { editInject, MSEL_FIELDS, type MselField, type MselRow } from './msel-edit.ts';

export interface MselTableProps {
  rows: readonly MselRow[];
  selected: string | null;
  /** The current text, and what to do with the edited one. */
  text: () => string;
  onEdited: (next: string) => void;
  onPick: (inject: string) => void;
}

function Cell({ row, field, onCommit }: { row: MselRow; field: MselField; onCommit: (value: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? row[field];
  const commit = () => {
    if (draft !== null && draft !== row[field]) onCommit(draft);
    setDraft(null);
  };
  const common = { value, 'aria-label': `${row.id} ${field}`, 'data-cell': `${row.id}/${field}`, onChange: (e: { target: { value: string } }) => setDraft(e.target.value), onBlur: commit };
  if (field === 'content' || field === 'answer') return <textarea rows={2} {...common} />;
  return (
    <input
      {...common}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

export function MselTable({ rows, selected, text, onEdited, onPick }: MselTableProps) {
  const t = useStudioT();
  const lang = useLang();
  const [problem, setProblem] = useState<string | null>(null);
  const commit = (row: MselRow, field: MselField, value: string) => {
    const r = editInject(text(), row.index, field, value, lang);
    if (!r.ok) return setProblem(t('studio.table.refused', { inject: row.id, message: r.message }));
    setProblem(null);
    onEdited(r.text);
  };
  if (rows.length === 0) return <p className="muted">{t('studio.table.empty')}</p>;
  return (
    <div className="studio-table" data-testid="studio-msel-table">
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>{t('studio.table.id')}</th>
            {MSEL_FIELDS.map((f) => (
              <th key={f}>{t(`studio.table.${f}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.index}:${row.id}`} className={row.id === selected ? 'selected' : undefined} data-inject={row.id}>
              <td>
                <button type="button" className="link" onClick={() => onPick(row.id)}>
                  {row.id}
                </button>
              </td>
              {MSEL_FIELDS.map((f) => (
                <td key={f}>
                  <Cell row={row} field={f} onCommit={(v) => commit(row, f, v)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
