/**
 * The red cell's console: each campaign as a graph of steps with their status, the step table
 * (timing, targets, hits) and, for the steps the scenario marks manual (a manual campaign's, or a step's own
 * `manual`) and those only, the launch, hold and abort controls: the engine refuses them on scripted steps.
 */
import { useState } from 'react';
import type { RedView } from '../../../engine/types.ts';
import { LocalTextView, useLang, useT } from '../../i18n/react.tsx';
import { localText } from '../../../engine/constants.ts';
import { useSession } from '../../store/react.ts';
import { SimTime } from '../shell/Clock.tsx';
import { ConsoleHeader } from '../shell/ConsoleHeader.tsx';
import { StatusChip } from '../shell/Bits.tsx';
import { EventFeed } from '../feed/EventFeed.tsx';
import { CampaignGraph } from './CampaignGraph.tsx';
import { ManualControls } from './ManualControls.tsx';
import { StepDetails } from './StepDetails.tsx';

/** A campaign: its graph (colours from the red cell's side on its own console), objectives, steps, and the picked step's details. */
export function CampaignView({ campaign, controls, perspective = 'defence' }: { campaign: RedView['campaigns'][number]; controls: boolean; perspective?: 'red' | 'defence' }) {
  const t = useT();
  const [selected, setSelected] = useState<string | null>(null);
  const picked = campaign.steps.find((s) => s.id === selected);
  const lang = useLang();
  const stepName = (id: string) => localText(campaign.steps.find((s) => s.id === id)?.name, lang) || id;
  return (
    <section className="panel campaign" aria-labelledby={`c-${campaign.id}`}>
      <header className="panel-head">
        <h2 id={`c-${campaign.id}`}>
          <LocalTextView text={campaign.name} />
        </h2>
        {campaign.actor ? <span className="muted">{campaign.actor}</span> : null}
        <span className="chip">{t(`red.mode.${campaign.mode}`)}</span>
      </header>
      <CampaignGraph steps={campaign.steps} selected={selected} onSelect={setSelected} perspective={perspective} />
      {picked ? <StepDetails step={picked} names={stepName} onClose={() => setSelected(null)} /> : null}
      {campaign.objectives.length > 0 ? (
        <ul className="objectives">
          {campaign.objectives.map((o) => (
            <li key={o.id} className={o.achievedAt !== null ? 'achieved' : ''}>
              <LocalTextView text={o.name} />{' '}
              {o.achievedAt !== null ? (
                <>
                  ✓ <SimTime t={o.achievedAt} />
                </>
              ) : (
                <span className="muted">{t('red.open')}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="table-scroll">
        <table className="steps">
          <thead>
            <tr>
              <th scope="col">{t('red.step')}</th>
              <th scope="col">{t('red.technique')}</th>
              <th scope="col">{t('red.status')}</th>
              <th scope="col">{t('red.due')}</th>
              <th scope="col">{t('red.targets')}</th>
              <th scope="col">{t('red.hits')}</th>
              {controls && campaign.steps.some((s) => s.manual) ? <th scope="col">{t('red.controls')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {campaign.steps.map((s) => (
              <tr key={s.id} className={selected === s.id ? 'selected' : undefined} data-step={s.id} onClick={() => setSelected(s.id)}>
                <th scope="row">
                  <LocalTextView text={s.name} />
                </th>
                <td className="mono">
                  {s.technique}
                  {s.tactic ? <span className="muted"> {s.tactic}</span> : null}
                </td>
                <td>
                  <StatusChip status={s.status} prefix="redStatus" />
                </td>
                <td>{s.due !== null ? <SimTime t={s.due} /> : '—'}</td>
                <td>
                  <bdi>{s.targets.join(', ')}</bdi>
                </td>
                <td>
                  <bdi>{s.hits.join(', ')}</bdi>
                </td>
                {controls && campaign.steps.some((x) => x.manual) ? <td>{s.manual ? <ManualControls step={s} /> : <span className="muted">{t('red.mode.scripted')}</span>}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function RedConsole() {
  const t = useT();
  const campaigns = useSession((s) => (s.view as RedView).campaigns);
  const footholds = useSession((s) => (s.view as RedView).footholds);
  return (
    <div className="console red-console perspective-red" data-console="red">
      <ConsoleHeader seatLabel={t('role.red')} />
      <main className="console-main single">
        {campaigns.map((c) => (
          <CampaignView key={c.id} campaign={c} controls perspective="red" />
        ))}
        <section className="panel">
          <h2>{t('red.footholds')}</h2>
          <p>
            <bdi>{footholds.join(', ') || '—'}</bdi>
          </p>
        </section>
        <EventFeed />
      </main>
    </div>
  );
}
