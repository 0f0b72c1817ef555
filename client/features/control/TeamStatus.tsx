/** Status of every blue team: score, alerts (true and false), actions under way, nodes compromised and isolated. */
import { useMemo } from 'react';
import type { EvaluatorView, WhiteView } from '../../../engine/types.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { localText } from '../../../engine/constants.ts';
import { useSession } from '../../store/react.ts';

type TruthView = WhiteView | EvaluatorView;

/** Per team: nodes, nodes not clean, nodes isolated. */
export function nodeCounts(view: Pick<TruthView, 'nodes'>): Map<string, { nodes: number; hit: number; isolated: number }> {
  const out = new Map<string, { nodes: number; hit: number; isolated: number }>();
  for (const n of view.nodes) {
    const c = out.get(n.owner) ?? { nodes: 0, hit: 0, isolated: 0 };
    c.nodes++;
    if (n.integrity !== 'clean' && n.integrity !== 'restored') c.hit++;
    if (n.network === 'isolated') c.isolated++;
    out.set(n.owner, c);
  }
  return out;
}

/** A team in a narrow table: its nation code (or id), the full name on hover and for screen readers. */
export function TeamAbbr({ id, nation, name }: { id: string; nation?: string | undefined; name: string }) {
  return (
    <>
      <span title={name || id} aria-hidden="true">
        {nation ?? id}
      </span>
      <span className="sr-only">{name || id}</span>
    </>
  );
}

export function TeamStatusOf({ blue, nodes }: { blue: TruthView['blue']; nodes: TruthView['nodes'] }) {
  const t = useT();
  const lang = useLang();
  const counts = useMemo(() => nodeCounts({ nodes }), [nodes]);
  return (
    <div className="table-scroll">
      <table className="teams">
        <thead>
          <tr>
            <th scope="col">{t('teams.team')}</th>
            <th scope="col">{t('score.composite')}</th>
            <th scope="col">{t('teams.alerts')}</th>
            <th scope="col">{t('teams.falsePositives')}</th>
            <th scope="col">{t('teams.actions')}</th>
            <th scope="col">{t('teams.compromised')}</th>
            <th scope="col">{t('teams.isolated')}</th>
            <th scope="col">{t('teams.blocked')}</th>
            <th scope="col">{t('teams.hunting')}</th>
          </tr>
        </thead>
        <tbody>
          {blue.map((b) => {
            const c = counts.get(b.team.id) ?? { nodes: 0, hit: 0, isolated: 0 };
            const running = b.actions.filter((a) => a.status === 'requested' || a.status === 'inProgress').length;
            return (
              <tr key={b.team.id} data-team={b.team.id}>
                <th scope="row">
                  <TeamAbbr id={b.team.id} nation={b.team.nation} name={localText(b.team.name, lang)} />
                </th>
                <td className="mono">{b.score.current.composite.toFixed(1)}</td>
                <td className="mono">{b.alertCount}</td>
                <td className="mono">{b.falsePositives}</td>
                <td className="mono">
                  {running}/{b.actions.length}
                </td>
                <td className={`mono${c.hit > 0 ? ' bad' : ''}`}>
                  {c.hit}/{c.nodes}
                </td>
                <td className="mono">{c.isolated}</td>
                <td className="mono">{b.blocked}</td>
                <td>{b.hunting.map((h) => h.segment).join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function TeamStatus() {
  const blue = useSession((s) => (s.view as TruthView).blue);
  const nodes = useSession((s) => (s.view as TruthView).nodes);
  return <TeamStatusOf blue={blue} nodes={nodes} />;
}
