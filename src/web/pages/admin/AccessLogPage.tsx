// /administration/adgangslog: the data-protection officer's view of who has read or changed one
// citizen's data. The administrator does no case work, so the citizen is named by whole CPR
// number, sent in a request body (never the address) and logged as a search of its own.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { findCitizenByCpr, type CitizenMatch } from '../../api/access-log.js';
import { api } from '../../api/browser.js';
import { citizenAccessLogQuery } from '../../api/queries.js';
import { AccessLog, useAccessLogPaging } from '../../components/AccessLog.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { CprField } from '../../components/CprField.js';
import { useFormState } from '../../hooks/useFormState.js';
import { useUser } from '../../session/useUser.js';

const CPR_FORM = /^\d{6}-?\d{4}$/;

function CitizenLog({ citizen }: { citizen: CitizenMatch }) {
  const { t } = useTranslation();
  const paging = useAccessLogPaging();
  const result = useQuery(citizenAccessLogQuery(citizen.citizen_id, paging.query));
  return (
    <AccessLog
      id="citizen-access-log"
      heading={t('admin.accessLog.logHeading', { name: citizen.name, cpr: citizen.cpr_masked })}
      headingLevel={2}
      result={result}
      paging={paging}
      intro={t('admin.accessLog.logIntro')}
      empty={t('admin.accessLog.empty')}
      takeFocus
    />
  );
}

function CprForm({ onFound }: { onFound: (citizen: CitizenMatch) => void }) {
  const { t } = useTranslation();
  const [cpr, setCpr] = useState('');
  const fields = useMemo(
    () => ({ cpr: { id: 'access-log-cpr', label: t('admin.accessLog.cpr'), subject: t('validation.subjects.cpr') } }),
    [t],
  );
  const form = useFormState(fields);

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const value = cpr.trim();
    if (!form.check(CPR_FORM.test(value) ? {} : { cpr: t('cprSearch.errors.form') })) return;
    let found: CitizenMatch | undefined;
    void form
      .send(async () => {
        found = await findCitizenByCpr(api, value);
      })
      .then((ok) => {
        if (!ok || found === undefined) return;
        // The number has done its job; it is not left standing on the screen.
        setCpr('');
        onFound(found);
      });
  };

  return (
    <section aria-labelledby="access-log-search-heading">
      <h2 id="access-log-search-heading">{t('admin.accessLog.searchHeading')}</h2>
      <p>{t('admin.accessLog.searchIntro')}</p>
      <ErrorSummary
        id="access-log-errors"
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="access-log-search-heading">
        <CprField
          id="access-log-cpr"
          label={t('admin.accessLog.cpr')}
          helpText={t('cprSearch.help')}
          value={cpr}
          error={form.fieldErrors.cpr}
          onChange={setCpr}
        />
        <button type="submit" className="button button-primary" aria-disabled={form.pending}>
          {t('admin.accessLog.submit')}
        </button>
      </form>
    </section>
  );
}

export function AccessLogPage() {
  const { t } = useTranslation();
  const user = useUser();
  const queryClient = useQueryClient();
  const [citizen, setCitizen] = useState<CitizenMatch | null>(null);
  if (!user.roles.includes('municipality_admin')) return <NoAccess title={t('admin.accessLog.title')} />;
  return (
    <>
      <Breadcrumbs
        items={[
          { text: t('start.title'), link: { to: '/' } },
          { text: t('admin.title'), link: { to: '/administration' } },
          { text: t('admin.accessLog.title') },
        ]}
      />
      <Page title={t('admin.accessLog.title')}>
        <p className="font-lead">{t('admin.accessLog.lead')}</p>
        <CprForm
          onFound={(found) => {
            // The search itself is in the log: a repeated search shows it too.
            void queryClient.invalidateQueries({ queryKey: ['citizen', found.citizen_id] });
            setCitizen(found);
          }}
        />
        {/* A new search starts the log afresh at its newest page, with focus on its heading. */}
        {citizen !== null && <CitizenLog key={citizen.citizen_id} citizen={citizen} />}
      </Page>
    </>
  );
}
