// /team: for each team the user leads (every team of the municipality, for its
// administrator): caseloads against the cap, the cap itself, and the team's cases others
// opened by breaking the glass.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client.js';
import { teamsQuery } from '../../api/queries.js';
import type { SessionUser } from '../../api/session.js';
import type { TeamBody } from '../../api/teams.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { Spinner } from '../../components/Spinner.js';
import { hasAnyRole, type Role } from '../../roles.js';
import { useUser } from '../../session/useUser.js';
import { BreakGlassList } from './BreakGlassList.js';
import { CapForm } from './CapForm.js';
import { Caseloads } from './Caseloads.js';
import './team.css';

/** Who manages teams: the server lets a team's leader and the municipality's administrator. */
const TEAM_MANAGERS: readonly Role[] = ['team_leader', 'municipality_admin'];

/** The teams the page is about: all of them for an administrator, else those the user leads. */
function managedTeams(user: SessionUser, teams: readonly TeamBody[]): TeamBody[] {
  if (user.roles.includes('municipality_admin')) return [...teams];
  // The server also lists teams the user only belongs to; a member does not manage them.
  return teams.filter((team) => team.leader?.id === user.id);
}

/**
 * `named`: several teams on the page, so each is headed by its name, and the name is part of
 * the names of its table and form, which would otherwise repeat.
 */
function TeamSection({ team, named }: { team: TeamBody; named: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const Sub = named ? 'h3' : 'h2';
  const id = `team-${team.id}`;
  const onSaved = (next: TeamBody): void => {
    queryClient.setQueryData(teamsQuery().queryKey, (teams) =>
      teams?.map((candidate) => (candidate.id === next.id ? next : candidate)),
    );
    // Caseloads are measured against the cap, here and where cases are assigned.
    void queryClient.invalidateQueries({ queryKey: ['teams', next.id] });
  };
  return (
    <section
      aria-label={named ? undefined : team.name}
      aria-labelledby={named ? `${id}-heading` : undefined}
      className="team-section"
    >
      {named && <h2 id={`${id}-heading`}>{team.name}</h2>}
      <Sub id={`${id}-caseloads-heading`}>{t('team.caseloadsHeading')}</Sub>
      <Caseloads teamId={team.id} labelledBy={named ? `${id}-heading ${id}-caseloads-heading` : undefined} />
      <Sub id={`${id}-cap-heading`}>{t('team.capHeading')}</Sub>
      <CapForm
        team={team}
        labelledBy={named ? `${id}-heading ${id}-cap-heading` : `${id}-cap-heading`}
        onSaved={onSaved}
      />
      <Sub id={`${id}-glass-heading`}>{t('team.breakGlassHeading')}</Sub>
      <p>{t('team.breakGlassIntro')}</p>
      <BreakGlassList teamId={team.id} labelledBy={named ? `${id}-heading ${id}-glass-heading` : undefined} />
    </section>
  );
}

export function TeamPage() {
  const { t } = useTranslation();
  const user = useUser();
  const allowed = hasAnyRole(user, TEAM_MANAGERS);
  const query = useQuery({ ...teamsQuery(), enabled: allowed });
  if (!allowed) return <NoAccess title={t('team.title')} />;
  const admin = user.roles.includes('municipality_admin');
  const teams = query.data === undefined ? [] : managedTeams(user, query.data);
  const [only] = teams;
  const title = teams.length === 1 && only !== undefined ? only.name : admin ? t('team.allTitle') : t('team.title');
  return (
    <>
      <Breadcrumbs items={[{ text: t('start.title'), link: { to: '/' } }, { text: title }]} />
      <Page title={title}>
        <p className="font-lead">{admin ? t('team.allLead') : t('team.lead')}</p>
        {query.isError && <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} />}
        {query.data === undefined ? (
          query.isPending && <Spinner text={t('team.loading')} />
        ) : teams.length === 0 ? (
          <p>{admin ? t('team.noTeams') : t('team.none')}</p>
        ) : (
          teams.map((team) => <TeamSection key={team.id} team={team} named={teams.length > 1} />)
        )}
      </Page>
    </>
  );
}
