// /administration: the municipality administrator's tasks, one link each, with what it is for.
import { Link, type LinkOptions } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { useUser } from '../../session/useUser.js';

type Task = 'users' | 'rules' | 'accessLog' | 'teams' | 'experiments';

const TASKS: readonly { key: Task; link: LinkOptions }[] = [
  { key: 'users', link: { to: '/administration/brugere' } },
  { key: 'rules', link: { to: '/administration/regler' } },
  { key: 'accessLog', link: { to: '/administration/adgangslog' } },
  { key: 'teams', link: { to: '/team' } },
  { key: 'experiments', link: { to: '/forsoeg' } },
];

export function AdminPage() {
  const { t } = useTranslation();
  const user = useUser();
  if (!user.roles.includes('municipality_admin')) return <NoAccess title={t('admin.title')} />;
  return (
    <>
      <Breadcrumbs items={[{ text: t('start.title'), link: { to: '/' } }, { text: t('admin.title') }]} />
      <Page title={t('admin.title')}>
        <p className="font-lead">{t('admin.lead')}</p>
        <ul className="nobullet-list start-area-list">
          {TASKS.map((task) => (
            <li key={task.key} data-task={task.key}>
              <Link {...task.link} className="start-area-link">
                {t(`admin.tasks.${task.key}.name`)}
              </Link>
              <p className="mt-2 mb-0">{t(`admin.tasks.${task.key}.text`)}</p>
            </li>
          ))}
          <li data-task="apiDocs">
            <a href="/api/docs" className="start-area-link">
              {t('start.apiDocs')}
            </a>
            <p className="mt-2 mb-0">{t('admin.tasks.apiDocs.text')}</p>
          </li>
        </ul>
      </Page>
    </>
  );
}
