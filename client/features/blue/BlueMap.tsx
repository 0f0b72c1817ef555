/** The blue team's network as its sensors see it. */
import { useMemo } from 'react';
import { useT } from '../../i18n/react.tsx';
import { MapPanel } from '../../map/MapPanel.tsx';
import { blueLook, type MapModel, type NodeLook } from '../../map/model.ts';
import { BLUE_STATUSES } from '../../map/style.ts';
import { useSession } from '../../store/react.ts';
import type { BlueView } from '../../../engine/types.ts';
import { NodeDetails } from '../../map/NodeDetails.tsx';

export function BlueMap({ selected, onSelect }: { selected: ReadonlySet<string>; onSelect: (id: string, additive: boolean) => void }) {
  const t = useT();
  const nodes = useSession((s) => (s.view as BlueView).nodes);
  const segments = useSession((s) => (s.view as BlueView).segments);
  const team = useSession((s) => (s.view as BlueView).team);
  const partners = useSession((s) => (s.view as BlueView).partners);
  const model = useMemo<MapModel>(
    () => ({
      segments: segments.map((s) => ({ id: s.id, name: s.name, zone: s.zone, owner: s.owner })),
      nodes,
      teams: [team, ...partners],
      ownTeam: team.id,
    }),
    [nodes, segments, team, partners],
  );
  const looks = useMemo(() => new Map<string, NodeLook>(nodes.map((n) => [n.id, blueLook(n)])), [nodes]);
  // Only own nodes (and nodes of teams that granted assistance) can be acted on; the engine decides.
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const details = (id: string) => {
    const node = byId.get(id);
    return node ? <NodeDetails node={node} /> : null;
  };
  return <MapPanel model={model} looks={looks} statuses={BLUE_STATUSES} selected={selected} onSelect={onSelect} title={t('blue.map')} details={details} />;
}
