// /administration/brugere: the municipality's staff with their roles, and a form to add one.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client.js';
import { usersQuery } from '../../api/queries.js';
import type { UserBody } from '../../api/users.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { useNotify } from '../../components/Notices.js';
import { Page } from '../../components/Page.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { Spinner } from '../../components/Spinner.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { knownRoles } from '../../roles.js';
import { useUser } from '../../session/useUser.js';
import { NewUserForm } from './NewUserForm.js';

function UsersTable({ users }: { users: readonly UserBody[] }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={t('admin.users.caption')}>
      <table className="table table--compact users-table">
        <caption className="sr-only">{t('admin.users.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.users.columns.name')}</th>
            <th scope="col">{t('admin.users.columns.email')}</th>
            <th scope="col">{t('admin.users.columns.roles')}</th>
            <th scope="col">{t('admin.users.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-user={user.email}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td>
                {user.roles.length === 0
                  ? t('admin.users.noRoles')
                  : knownRoles(user.roles)
                      .map((role) => t(`start.roles.${role}.name`))
                      .join(', ')}
              </td>
              <td>{user.disabled ? t('admin.users.disabled') : t('admin.users.active')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useUser();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const allowed = user.roles.includes('municipality_admin');
  const query = useQuery({ ...usersQuery(), enabled: allowed });
  if (!allowed) return <NoAccess title={t('admin.users.title')} />;

  const onCreated = (created: UserBody): void => {
    void queryClient.invalidateQueries({ queryKey: usersQuery().queryKey });
    // A new member of a team changes its caseloads and the caseworkers cases can go to.
    void queryClient.invalidateQueries({ queryKey: ['teams'] });
    notify(t('admin.users.created', { name: created.name }), t('admin.users.createdText', { email: created.email }));
  };

  return (
    <>
      <Breadcrumbs
        items={[
          { text: t('start.title'), link: { to: '/' } },
          { text: t('admin.title'), link: { to: '/administration' } },
          { text: t('admin.users.title') },
        ]}
      />
      <Page title={t('admin.users.title')}>
        <p className="font-lead">{t('admin.users.lead')}</p>
        <section aria-labelledby="users-heading">
          <h2 id="users-heading">{t('admin.users.listHeading')}</h2>
          {query.isError && (
            <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} headingLevel={3} />
          )}
          {query.data === undefined ? (
            query.isPending && <Spinner text={t('admin.users.loading')} />
          ) : (
            <>
              <p>
                {t('admin.users.count', { count: query.data.length, n: formatNumber(query.data.length, language) })}
              </p>
              {query.data.length > 0 && <UsersTable users={query.data} />}
            </>
          )}
        </section>
        <section aria-labelledby="new-user-heading" className="mt-7">
          <h2 id="new-user-heading">{t('admin.users.form.heading')}</h2>
          <p>{t('admin.users.form.intro')}</p>
          <NewUserForm onCreated={onCreated} />
        </section>
      </Page>
    </>
  );
}
