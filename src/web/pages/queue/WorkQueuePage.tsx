// /arbejdsko: the caseworker's own queue; a team leader's is the team's.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { QueueScope } from '../../api/work-queue.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { useSearchParams } from '../../hooks/useSearchParams.js';
import { hasAnyRole, QUEUE_HOLDERS } from '../../roles.js';
import type { SessionUser } from '../../api/session.js';
import { useUser } from '../../session/useUser.js';
import { WorkQueue } from './WorkQueue.js';

/** A caseworker sees their own queue unless they ask for the team's (only team leaders may). */
function scopeFor(user: SessionUser, asked: string | null): QueueScope {
  const leads = user.roles.includes('team_leader');
  if (!user.roles.includes('caseworker')) return 'team';
  return leads && asked === 'team' ? 'team' : 'mine';
}

export function WorkQueuePage() {
  const { t } = useTranslation();
  const user = useUser();
  const [params] = useSearchParams();
  if (!hasAnyRole(user, QUEUE_HOLDERS)) return <NoAccess title={t('queue.title')} />;
  const scope = scopeFor(user, params.get('omfang'));
  const both = user.roles.includes('caseworker') && user.roles.includes('team_leader');
  return (
    <>
      <Breadcrumbs items={[{ text: t('start.title'), link: { to: '/' } }, { text: t('queue.title') }]} />
      <Page title={t('queue.title')}>
        <p className="font-lead">{scope === 'team' ? t('queue.leadTeam') : t('queue.leadMine')}</p>
        {both && (
          <p>
            {scope === 'team' ? (
              <Link to="/arbejdsko">{t('queue.showMine')}</Link>
            ) : (
              <Link to="/arbejdsko" search={{ omfang: 'team' }}>
                {t('queue.showTeam')}
              </Link>
            )}
          </p>
        )}
        <WorkQueue key={scope} scope={scope} headingLevel={2} />
      </Page>
    </>
  );
}
