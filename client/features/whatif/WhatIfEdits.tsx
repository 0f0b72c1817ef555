/**
 * The edits of a what-if branch: the played commands after the fork (drop one, or move it to another
 * time) and the actions added on a node (picked in the list or on the map).
 */
import { useState } from 'react';
import { parseDuration } from '../../../engine/constants.ts';
import type { CAction, CompiledScenario } from '../../../engine/types.ts';
import { useT } from '../../i18n/react.tsx';
import { formatExerciseTime } from '../../i18n/time.ts';
import type { AddedAction, PlayedItem } from './model.ts';

/** The played commands after the fork, each with a drop box and a "move to" time. */
export function PlayedCommands({
  played,
  drops,
  setDrops,
  moves,
  setMoves,
}: {
  played: readonly PlayedItem[];
  drops: Set<number>;
  setDrops: (x: Set<number>) => void;
  moves: Map<number, string>;
  setMoves: (x: Map<number, string>) => void;
}) {
  const t = useT();
  return (
    <>
      <h3>{t('whatif.played', { n: played.length })}</h3>
      <div className="whatif-played">
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('whatif.time')}</th>
              <th>{t('whatif.who')}</th>
              <th>{t('whatif.what')}</th>
              <th>{t('whatif.drop')}</th>
              <th>{t('whatif.moveTo')}</th>
            </tr>
          </thead>
          <tbody>
            {played.map((p) => (
              <tr key={p.record}>
                <td className="mono">{p.record}</td>
                <td className="mono">{formatExerciseTime(p.t)}</td>
                <td>{p.who}</td>
                <td className="mono">{p.what}</td>
                <td>
                  <input
                    type="checkbox"
                    checked={drops.has(p.record)}
                    data-testid={`whatif-drop-${p.record}`}
                    onChange={(e) => {
                      const next = new Set(drops);
                      if (e.target.checked) next.add(p.record);
                      else next.delete(p.record);
                      setDrops(next);
                    }}
                  />
                </td>
                <td>
                  <input size={8} value={moves.get(p.record) ?? ''} onChange={(e) => setMoves(new Map(moves).set(p.record, e.target.value))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The form that adds an action of a team on a node at a time, and the list of actions added. */
export function AddedActions({
  compiled,
  teams,
  actions,
  node,
  adds,
  setAdds,
  setIssues,
}: {
  compiled: CompiledScenario;
  teams: readonly string[];
  actions: readonly CAction[];
  node: string | null;
  adds: AddedAction[];
  setAdds: (x: AddedAction[]) => void;
  setIssues: (x: string[]) => void;
}) {
  const t = useT();
  const [add, setAdd] = useState({ team: teams[0] ?? '', action: actions[0]?.id ?? '', node: '', at: '' });
  const nodeChoice = add.node || node || '';
  return (
    <>
      <h3>{t('whatif.add')}</h3>
      <div className="whatif-add">
        <select value={add.team} onChange={(e) => setAdd({ ...add, team: e.target.value })} data-testid="whatif-add-team">
          {teams.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
        <select value={add.action} onChange={(e) => setAdd({ ...add, action: e.target.value })} data-testid="whatif-add-action">
          {actions.map((a) => (
            <option key={a.id} value={a.id}>
              {a.id}
            </option>
          ))}
        </select>
        <input list="whatif-nodes" placeholder={t('whatif.node')} value={nodeChoice} onChange={(e) => setAdd({ ...add, node: e.target.value })} data-testid="whatif-add-node" />
        <datalist id="whatif-nodes">
          {compiled.nodes
            .filter((n) => n.owner === add.team)
            .map((n) => (
              <option key={n.id} value={n.id} />
            ))}
        </datalist>
        <input placeholder={t('whatif.when')} size={8} value={add.at} onChange={(e) => setAdd({ ...add, at: e.target.value })} data-testid="whatif-add-at" />
        <button
          type="button"
          data-testid="whatif-add-button"
          onClick={() => {
            const d = parseDuration(add.at);
            if (!d.ok || nodeChoice === '') return setIssues([d.ok ? t('whatif.pickNode') : d.message]);
            setAdds([...adds, { team: add.team, action: add.action, node: nodeChoice, at: d.ms }]);
            setAdd({ ...add, node: '', at: '' });
          }}
        >
          {t('whatif.addButton')}
        </button>
        <ul>
          {adds.map((a, i) => (
            <li key={i} className="mono">
              {`${a.team}: ${a.action} ${a.node} @ ${formatExerciseTime(a.at)}`}{' '}
              <button type="button" onClick={() => setAdds(adds.filter((_, k) => k !== i))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
