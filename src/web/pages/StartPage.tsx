// The start page: what the user can do here today, by their roles, and for a caseworker (or a
// team leader without a caseload) the citizens whose deadlines come first.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api/session.js';
import { Alert } from '../components/Alert.js';
import { Page } from '../components/Page.js';
import { formatDate } from '../i18n/format.js';
import { useLanguage } from '../i18n/index.js';
import { areasFor, type Area, type AreaKey } from '../navigation.js';
import { knownRoles } from '../roles.js';
import { useUser } from '../session/useUser.js';
import { WorkQueue } from './queue/WorkQueue.js';

function Areas({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const areas = areasFor(user).filter(
    (area): area is Area & { key: Exclude<AreaKey, 'start'> } => area.key !== 'start',
  );
  if (areas.length === 0) return null;
  return (
    <section aria-labelledby="areas-heading" className="start-areas">
      <h2 id="areas-heading">{t('start.areasHeading')}</h2>
      <ul className="nobullet-list start-area-list">
        {areas.map((area) => (
          <li key={area.key} data-area={area.key}>
            <Link {...area.link} className="start-area-link">
              {t(`nav.${area.key}`)}
            </Link>
            <p className="mt-2 mb-0">{t(`start.areas.${area.key}`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What a role without pages of its own gets to read: said plainly, promising nothing. */
function RoleNotes({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const notes = knownRoles(user.roles).filter(
    (role) => role === 'finance' || role === 'analyst' || role === 'municipality_admin',
  );
  if (notes.length === 0) return null;
  return (
    <>
      {notes.map((role) => (
        <p key={role} data-role={role}>
          {t(`start.roleNotes.${role}`)}
        </p>
      ))}
      {user.roles.includes('municipality_admin') && (
        <p>
          <a href="/api/docs">{t('start.apiDocs')}</a>
        </p>
      )}
    </>
  );
}

function QueueSection({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const own = user.roles.includes('caseworker');
  if (!own && !user.roles.includes('team_leader')) return null;
  return (
    <section aria-labelledby="start-queue-heading" className="queue-section">
      <h2 id="start-queue-heading">{own ? t('queue.heading') : t('queue.teamHeading')}</h2>
      <WorkQueue scope={own ? 'mine' : 'team'} headingLevel={3} compact />
      <p>
        <Link to="/arbejdsko" search={own ? {} : { omfang: 'team' }}>
          {t('start.wholeQueue')}
        </Link>
      </p>
    </section>
  );
}

export function StartPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useUser();
  const roles = knownRoles(user.roles);
  return (
    <Page title={t('start.welcome', { name: user.name })}>
      <p className="font-lead">{t('start.today', { date: formatDate(new Date(), language, 'full') })}</p>
      {roles.length === 0 ? (
        <Alert variant="warning" heading={t('start.noRolesHeading')} announce={false}>
          <p>{t('start.noRolesText')}</p>
        </Alert>
      ) : (
        <>
          <QueueSection user={user} />
          <Areas user={user} />
          <RoleNotes user={user} />
        </>
      )}
    </Page>
  );
}
