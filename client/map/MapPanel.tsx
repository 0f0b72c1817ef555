/** Map, legend, a one-line summary (how many nodes are isolated, alerting...) and the node list. */
import { useMemo, useState, type ReactNode } from 'react';
import { useT } from '../i18n/react.tsx';
import { Legend } from './Legend.tsx';
import { NetworkMap } from './NetworkMap.tsx';
import { NodeList } from './NodeList.tsx';
import type { MapModel, NodeLook, NodeStatus } from './model.ts';

export interface MapPanelProps {
  model: MapModel;
  looks: ReadonlyMap<string, NodeLook>;
  statuses: readonly NodeStatus[];
  selected: ReadonlySet<string>;
  onSelect?: (id: string, additive: boolean) => void;
  title: string;
  /** Details of the node last clicked (shown under the map). */
  details?: (id: string) => ReactNode;
}

/** Counts per status and of isolated nodes. */
export function summarise(looks: ReadonlyMap<string, NodeLook>): { isolated: number; alerting: number; byStatus: Map<NodeStatus, number> } {
  const byStatus = new Map<NodeStatus, number>();
  let isolated = 0;
  let alerting = 0;
  for (const look of looks.values()) {
    byStatus.set(look.status, (byStatus.get(look.status) ?? 0) + 1);
    if (look.isolated) isolated++;
    if (look.alerts > 0) alerting++;
  }
  return { isolated, alerting, byStatus };
}

export function MapPanel({ model, looks, statuses, selected, onSelect, title, details }: MapPanelProps) {
  const t = useT();
  const [showList, setShowList] = useState(false);
  const [inspected, setInspected] = useState<string | null>(null);
  const [centre, setCentre] = useState<{ id: string; n: number } | null>(null);
  const pick = (id: string, additive: boolean) => {
    setInspected(id);
    onSelect?.(id, additive);
  };
  const pickInList = (id: string) => {
    pick(id, true);
    setCentre((c) => ({ id, n: (c?.n ?? 0) + 1 }));
  };
  const canPick = Boolean(onSelect || details);
  const summary = useMemo(() => summarise(looks), [looks]);
  return (
    <section className="panel map-panel" aria-label={title}>
      <header className="panel-head">
        <h2>{title}</h2>
        <p className="map-summary" data-testid="map-summary" data-isolated={summary.isolated} data-nodes={model.nodes.length}>
          {t('map.summary', { nodes: model.nodes.length, isolated: summary.isolated, alerting: summary.alerting })}
        </p>
        <button type="button" aria-expanded={showList} data-testid="map-list-toggle" onClick={() => setShowList((v) => !v)}>
          {showList ? t('map.hideList') : t('map.showList')}
        </button>
      </header>
      <NetworkMap model={model} looks={looks} selected={selected} onSelect={canPick ? pick : undefined} label={title} centre={centre} />
      <Legend statuses={statuses} />
      {details && inspected && model.nodes.some((n) => n.id === inspected) ? (
        <div className="node-details" aria-live="polite">
          {details(inspected)}
          <button type="button" className="small" onClick={() => setInspected(null)}>
            {t('map.closeDetails')}
          </button>
        </div>
      ) : null}
      {showList ? <NodeList model={model} looks={looks} selected={selected} onToggle={canPick ? pickInList : undefined} /> : null}
    </section>
  );
}
