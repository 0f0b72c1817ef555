/**
 * The accessible alternative to the canvas: the nodes as a table, filtered by text and segment,
 * with a checkbox per node for selection. Shows LIST_LIMIT rows at a time (2,000 rows of live state
 * would cost more to re-render than the whole canvas), with the count and a button for the next ones.
 */
import { useMemo, useState } from 'react';
import { useLang, useT } from '../i18n/react.tsx';
import { localText } from '../../engine/constants.ts';
import type { MapModel, NodeLook } from './model.ts';

export const LIST_LIMIT = 150;

export interface NodeListProps {
  model: MapModel;
  looks: ReadonlyMap<string, NodeLook>;
  selected: ReadonlySet<string>;
  onToggle?: (id: string) => void;
}

export function NodeList({ model, looks, selected, onToggle }: NodeListProps) {
  const t = useT();
  const lang = useLang();
  const [query, setQuery] = useState('');
  const [segment, setSegment] = useState('');
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [limit, setLimit] = useState(LIST_LIMIT);
  const q = query.trim().toLowerCase();
  const rows = useMemo(
    () =>
      model.nodes.filter((n) => {
        if (segment && n.segment !== segment) return false;
        const look = looks.get(n.id);
        if (onlyFlagged && !(look && (look.isolated || look.alerts > 0 || !['ok', 'clean'].includes(look.status)))) return false;
        if (!q) return true;
        return n.id.toLowerCase().includes(q) || localText(n.name, lang).toLowerCase().includes(q) || (n.ip ?? '').includes(q);
      }),
    [model.nodes, looks, segment, onlyFlagged, q, lang],
  );
  const shown = rows.slice(0, limit);

  return (
    <div className="node-list">
      <div className="filters">
        <label>
          {t('nodes.search')}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>
          {t('nodes.segment')}
          <select value={segment} onChange={(e) => setSegment(e.target.value)}>
            <option value="">{t('nodes.allSegments')}</option>
            {model.segments.map((s) => (
              <option key={s.id} value={s.id}>
                {localText(s.name, lang) || s.id}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={onlyFlagged} onChange={(e) => setOnlyFlagged(e.target.checked)} />
          {t('nodes.onlyFlagged')}
        </label>
      </div>
      <div className="table-scroll">
        <table>
          <caption className="sr-only">{t('nodes.caption')}</caption>
          <thead>
            <tr>
              {onToggle ? (
                <th scope="col">
                  <span className="sr-only">{t('nodes.select')}</span>
                </th>
              ) : null}
              <th scope="col">{t('nodes.name')}</th>
              <th scope="col">{t('nodes.kind')}</th>
              <th scope="col">{t('nodes.segment')}</th>
              <th scope="col">{t('nodes.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((n) => {
              const look = looks.get(n.id);
              const name = localText(n.name, lang) || n.id;
              return (
                <tr key={n.id} className={selected.has(n.id) ? 'selected' : undefined} data-node={n.id}>
                  {onToggle ? (
                    <td>
                      <input type="checkbox" checked={selected.has(n.id)} onChange={() => onToggle(n.id)} aria-label={t('nodes.selectNode', { name })} />
                    </td>
                  ) : null}
                  <th scope="row">
                    <bdi>{name}</bdi>
                    {n.ip ? (
                      <>
                        {' '}
                        <bdi dir="ltr" className="muted mono nowrap">
                          {n.ip}
                        </bdi>
                      </>
                    ) : null}
                  </th>
                  <td>{t(`kind.${n.kind}`)}</td>
                  <td>
                    <bdi>{n.segment}</bdi>
                  </td>
                  <td className="status-cell">
                    {look ? <span className={`status-chip s-${look.status}`}>{t(`status.${look.status}`)}</span> : null}
                    {look?.isolated ? <span className="status-chip s-isolated">{t('status.isolated')}</span> : null}
                    {look && look.alerts > 0 ? <span className="muted">{t('map.alerts', { count: look.alerts })}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length ? (
        <p className="muted" data-testid="node-list-more">
          {t('nodes.more', { shown: shown.length, count: rows.length })}{' '}
          <button type="button" className="small" onClick={() => setLimit((l) => l + LIST_LIMIT)}>
            {t('nodes.showMore', { count: Math.min(LIST_LIMIT, rows.length - shown.length) })}
          </button>
        </p>
      ) : null}
    </div>
  );
}
