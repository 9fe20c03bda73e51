// /team: the team leader's view of each team they lead: caseloads against the cap, the cap
// itself, and the team's cases others opened by breaking the glass.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import type { SessionUser } from '../../api/session.js';
import { fetchTeams, type TeamBody } from '../../api/teams.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { Spinner } from '../../components/Spinner.js';
import { useLoad } from '../../hooks/useLoad.js';
import { hasAnyRole, TEAM_LEADERS } from '../../roles.js';
import { PATHS } from '../../router/routes.js';
import { BreakGlassList } from './BreakGlassList.js';
import { CapForm } from './CapForm.js';
import { Caseloads } from './Caseloads.js';
import './team.css';

/** `named`: several teams on the page, so each is headed by its name. */
function TeamSection({ team: loaded, named }: { team: TeamBody; named: boolean }) {
  const { t } = useTranslation();
  const [team, setTeam] = useState(loaded);
  const [revision, setRevision] = useState(0);
  const Sub = named ? 'h3' : 'h2';
  const id = `team-${team.id}`;
  return (
    <section
      aria-label={named ? undefined : team.name}
      aria-labelledby={named ? `${id}-heading` : undefined}
      className="team-section"
    >
      {named && <h2 id={`${id}-heading`}>{team.name}</h2>}
      <Sub id={`${id}-caseloads-heading`}>{t('team.caseloadsHeading')}</Sub>
      <Caseloads teamId={team.id} revision={revision} />
      <Sub id={`${id}-cap-heading`}>{t('team.capHeading')}</Sub>
      <CapForm
        team={team}
        labelledBy={`${id}-cap-heading`}
        onSaved={(next) => {
          setTeam(next);
          setRevision((n) => n + 1);
        }}
      />
      <Sub id={`${id}-glass-heading`}>{t('team.breakGlassHeading')}</Sub>
      <p>{t('team.breakGlassIntro')}</p>
      <BreakGlassList teamId={team.id} />
    </section>
  );
}

export function TeamPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [load, reload] = useLoad(() => fetchTeams(api), user.id);
  if (!hasAnyRole(user, TEAM_LEADERS)) return <NoAccess title={t('team.title')} />;
  const teams = (load.value ?? []).filter((team) => team.leader?.id === user.id);
  const [only] = teams;
  const title = teams.length === 1 && only !== undefined ? only.name : t('team.title');
  return (
    <>
      <Breadcrumbs items={[{ text: t('start.title'), to: PATHS.start }, { text: title }]} />
      <Page title={title}>
        <p className="font-lead">{t('team.lead')}</p>
        {load.status === 'failed' && <LoadFailed error={load.error} onRetry={reload} />}
        {load.value === undefined ? (
          load.status === 'loading' && <Spinner text={t('team.loading')} />
        ) : teams.length === 0 ? (
          <p>{t('team.none')}</p>
        ) : (
          teams.map((team) => <TeamSection key={team.id} team={team} named={teams.length > 1} />)
        )}
      </Page>
    </>
  );
}
