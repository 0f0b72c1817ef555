/**
 * View as team: the white cell opens any blue team's console read-only, exactly as that team sees it.
 * The link is the controller's own with `/as/<team>`; the server then projects that team's view for
 * the socket and refuses its commands (the console shows each refusal as for the team, in a sentence).
 */
import { lazy, useState } from 'react';
import type { WhiteView } from '../../../engine/types.ts';
import { localText } from '../../../engine/constants.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { useSession } from '../../store/react.ts';

const BlueConsole = lazy(() => import('../blue/BlueConsole.tsx'));

/** The controller's picker: a team and a link that opens its console read-only in a new tab. */
export function ViewAsPicker() {
  const t = useT();
  const lang = useLang();
  const teams = useSession((s) => (s.view as WhiteView).teams.filter((x) => x.role === 'blue'));
  const exerciseId = useSession((s) => s.exerciseId);
  const token = useSession((s) => s.token);
  const [team, setTeam] = useState(teams[0]?.id ?? '');
  if (!exerciseId || !token || teams.length === 0) return null;
  const href = `${window.location.pathname}#/join/${exerciseId}/${token}/as/${encodeURIComponent(team)}`;
  return (
    <div className="view-as">
      <label className="inline">
        {t('viewAs.label')}
        <select value={team} onChange={(e) => setTeam(e.target.value)} data-testid="view-as-team">
          {teams.map((x) => (
            <option key={x.id} value={x.id}>
              {localText(x.name, lang) || x.id}
            </option>
          ))}
        </select>
      </label>
      <a className="button" href={href} target="_blank" rel="noreferrer noopener" data-testid="view-as-open">
        {t('viewAs.open')}
      </a>
    </div>
  );
}

/** The page a view-as link opens: the team's own console under a read-only banner. */
export default function ViewAsTeam() {
  const t = useT();
  const lang = useLang();
  const team = useSession((s) => s.seat?.viewAs ?? '');
  const name = useSession((s) => (s.view && s.view.kind === 'blue' ? localText(s.view.team.name, lang) : ''));
  return (
    <div className="view-as-page" data-view-as={team}>
      <p className="view-as-banner" role="note" data-testid="view-as-banner">
        {t('viewAs.banner', { team: name || team })}
      </p>
      <BlueConsole />
    </div>
  );
}
