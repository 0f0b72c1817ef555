/** The ground-truth map (white cell, evaluators): every team's network and each node's true state. */
import { useMemo } from 'react';
import type { EvaluatorView, WhiteView } from '../../../engine/types.ts';
import { useT } from '../../i18n/react.tsx';
import { MapPanel } from '../../map/MapPanel.tsx';
import { whiteLook, whiteModel, type NodeLook } from '../../map/model.ts';
import { TRUE_STATUSES } from '../../map/style.ts';
import { useSession } from '../../store/react.ts';
import { NodeDetails } from '../../map/NodeDetails.tsx';

type TruthView = WhiteView | EvaluatorView;

/** The map of a given truth view (live or replayed). */
export function TruthMapOf({
  nodes,
  segments,
  teams,
  title,
  selected,
  onSelect,
}: {
  nodes: TruthView['nodes'];
  segments: TruthView['segments'];
  teams: TruthView['teams'];
  title: string;
  selected?: ReadonlySet<string>;
  onSelect?: (id: string, additive: boolean) => void;
}) {
  const model = useMemo(() => whiteModel({ nodes, segments, teams } as TruthView), [nodes, segments, teams]);
  const looks = useMemo(() => new Map<string, NodeLook>(nodes.map((n) => [n.id, whiteLook(n)])), [nodes]);
  const empty = useMemo(() => new Set<string>(), []);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const details = (id: string) => {
    const node = byId.get(id);
    return node ? <NodeDetails node={node} /> : null;
  };
  return <MapPanel model={model} looks={looks} statuses={TRUE_STATUSES} selected={selected ?? empty} {...(onSelect ? { onSelect } : {})} title={title} details={details} />;
}

export function TruthMap() {
  const t = useT();
  const nodes = useSession((s) => (s.view as TruthView).nodes);
  const segments = useSession((s) => (s.view as TruthView).segments);
  const teams = useSession((s) => (s.view as TruthView).teams);
  return <TruthMapOf nodes={nodes} segments={segments} teams={teams} title={t('control.truthMap')} />;
}
