/**
 * The live panes beside the text: the network map (the client's own map component), the red
 * campaign graph with preconditions (the red console's graph) and the MSEL timeline per team. Each
 * draws the draft's model; a click names an item (the page moves the cursor to it) and the item
 * under the cursor is highlighted.
 */
import { useMemo, useState } from 'react';
import type { RedStepView } from '../../../engine/types.ts';
import { MapPanel } from '../../map/MapPanel.tsx';
import type { MapModel, NodeLook, NodeStatus } from '../../map/model.ts';
import { CampaignGraph } from '../red/CampaignGraph.tsx';
import { useStudioT } from './i18n/texts.ts';
import type { ItemKind, StudioItem, StudioModel } from './model.ts';
import { MselTimeline } from './MselTimeline.tsx';

export interface PanesProps {
  model: StudioModel;
  cursor: StudioItem | null;
  onPick: (kind: ItemKind, id: string) => void;
}

const STATUSES: readonly NodeStatus[] = ['clean'];
const CLEAN: NodeLook = { status: 'clean', isolated: false, alerts: 0 };

/** The map's model of the draft: the blue teams' segments and nodes (and any segment with no known owner). */
export function mapModelOf(model: StudioModel): MapModel {
  return {
    segments: model.segments,
    nodes: model.nodes.filter((n) => model.segments.some((s) => s.id === n.segment)),
    teams: model.teams.filter((t) => t.role === 'blue' || model.segments.some((s) => s.owner === t.id)).map((t) => ({ id: t.id, name: t.name, ...(t.color ? { color: t.color } : {}) })),
  };
}

/** A step of the draft as the red console's graph draws it, before anything has run. */
function stepView(s: StudioModel['campaigns'][number]['steps'][number]): RedStepView {
  return {
    id: s.id,
    name: s.name,
    technique: s.technique,
    ...(s.tactic ? { tactic: s.tactic } : {}),
    status: 'pending',
    manual: false,
    due: null,
    startedAt: null,
    endedAt: null,
    run: 0,
    targets: [],
    hits: [],
    attempts: [],
    requires: s.requires,
    requiresAny: s.requiresAny,
  };
}

export function MapPane({ model, cursor, onPick }: PanesProps) {
  const t = useStudioT();
  const map = useMemo(() => mapModelOf(model), [model]);
  const looks = useMemo(() => new Map(map.nodes.map((n) => [n.id, CLEAN])), [map]);
  const selected = useMemo(() => {
    if (cursor?.kind === 'node') return new Set([cursor.id]);
    if (cursor?.kind === 'segment') return new Set(map.nodes.filter((n) => n.segment === cursor.id).map((n) => n.id));
    return new Set<string>();
  }, [cursor, map]);
  return (
    <div data-testid="studio-map" data-nodes={map.nodes.length} data-selected={[...selected].join(' ')}>
      <MapPanel model={map} looks={looks} statuses={STATUSES} selected={selected} onSelect={(id) => onPick('node', id)} title={t('studio.map')} />
    </div>
  );
}

export function GraphPane({ model, cursor, onPick }: PanesProps) {
  const t = useStudioT();
  const [chosen, setChosen] = useState<string | null>(null);
  // The campaign of the cursor's step, else the one chosen, else the first.
  const owner = cursor?.kind === 'step' ? model.campaigns.find((c) => c.steps.some((s) => s.id === cursor.id)) : undefined;
  const campaign = owner ?? model.campaigns.find((c) => c.id === chosen) ?? model.campaigns[0];
  const steps = useMemo(() => (campaign ? campaign.steps.map(stepView) : []), [campaign]);
  return (
    <section className="panel" aria-label={t('studio.graph')} data-testid="studio-graph" data-steps={steps.length} data-edges={steps.reduce((n, s) => n + s.requires.length + s.requiresAny.length, 0)}>
      <header className="panel-head">
        <h2>{t('studio.graph')}</h2>
        {model.campaigns.length > 1 ? (
          <select aria-label={t('studio.campaign')} value={campaign?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {model.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id}
              </option>
            ))}
          </select>
        ) : null}
      </header>
      {campaign ? <CampaignGraph steps={steps} selected={cursor?.kind === 'step' ? cursor.id : null} onSelect={(id) => onPick('step', id)} /> : <p className="muted">{t('studio.noCampaign')}</p>}
    </section>
  );
}

export function TimelinePane({ model, cursor, onPick, durationMs }: PanesProps & { durationMs: number | null }) {
  const t = useStudioT();
  return (
    <section className="panel" aria-label={t('studio.timeline')} data-testid="studio-timeline">
      <header className="panel-head">
        <h2>{t('studio.timeline')}</h2>
      </header>
      <MselTimeline model={model} selected={cursor?.kind === 'inject' ? cursor.id : null} onPick={(id) => onPick('inject', id)} durationMs={durationMs} />
    </section>
  );
}
