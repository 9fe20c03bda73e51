// What a caseworker and a team leader find on the start page: the links of the case flow and
// the work queue ("Arbejdskø") as its own section.
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../api/session.js';
import type { Role } from '../../roles.js';
import { Link } from '../../router/Link.js';
import { PATHS } from '../../router/routes.js';
import { WorkQueue } from './WorkQueue.js';

const LINKS: Partial<
  Record<
    Role,
    readonly {
      to: string;
      text:
        'startTools.register' | 'startTools.search' | 'startTools.queue' | 'startTools.team' | 'startTools.experiments';
    }[]
  >
> = {
  caseworker: [
    { to: PATHS.registerCitizen, text: 'startTools.register' },
    { to: PATHS.caseSearch, text: 'startTools.search' },
    { to: PATHS.workQueue, text: 'startTools.queue' },
    { to: PATHS.experiments, text: 'startTools.experiments' },
  ],
  company_consultant: [{ to: PATHS.caseSearch, text: 'startTools.search' }],
  team_leader: [
    { to: PATHS.team, text: 'startTools.team' },
    { to: PATHS.caseSearch, text: 'startTools.search' },
    { to: PATHS.registerCitizen, text: 'startTools.register' },
    { to: PATHS.experiments, text: 'startTools.experiments' },
  ],
  analyst: [{ to: PATHS.experiments, text: 'startTools.experiments' }],
  municipality_admin: [{ to: PATHS.experiments, text: 'startTools.experiments' }],
};

/**
 * The queue shows once per page: in the caseworker's section (their own), or in the team
 * leader's when they hold no caseload (the team's). Both use the page's query string.
 */
function queueScopeFor(role: Role, user: SessionUser): 'mine' | 'team' | null {
  if (role === 'caseworker') return 'mine';
  if (role === 'team_leader' && !user.roles.includes('caseworker')) return 'team';
  return null;
}

/** `headingLevel` is the level of the queue's own heading: 2 on a one-role page, 3 inside a role's section. */
export function StartTools({ role, user, headingLevel }: { role: Role; user: SessionUser; headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  const links = LINKS[role];
  const scope = queueScopeFor(role, user);
  if (links === undefined && scope === null) return null;
  const headingId = `queue-section-${role}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {links !== undefined && (
        <ul className="start-tools" aria-label={t('startTools.label')}>
          {links.map((link) => (
            <li key={link.to}>
              <Link to={link.to}>{t(link.text)}</Link>
            </li>
          ))}
        </ul>
      )}
      {scope !== null && (
        <section aria-labelledby={headingId} className="queue-section">
          <Heading id={headingId}>{scope === 'team' ? t('queue.teamHeading') : t('queue.heading')}</Heading>
          <WorkQueue scope={scope} headingLevel={headingLevel === 2 ? 3 : 4} />
        </section>
      )}
    </>
  );
}
