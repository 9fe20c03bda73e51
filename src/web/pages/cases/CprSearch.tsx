// "Find på CPR-nummer": a whole CPR number is sent in a request body, never in the address.
// A case outside the user's own opens only by breaking the glass with a written reason.
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { breakGlass, findCaseByCpr, type CprMatch } from '../../api/cases.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextAreaField } from '../../components/TextAreaField.js';
import { CprField } from '../../components/CprField.js';
import { useFormState } from '../../hooks/useFormState.js';

const CPR_FORM = /^\d{6}-?\d{4}$/;
const MIN_REASON = 10;

function BreakGlassForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const fields = useMemo(() => ({ reason: { id: 'break-glass-reason', label: t('breakGlass.reason') } }), [t]);
  const form = useFormState(fields);
  const navigate = useNavigate();

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    if (
      !form.check(
        reason.trim().length < MIN_REASON ? { reason: t('breakGlass.reasonTooShort', { min: MIN_REASON }) } : {},
      )
    )
      return;
    void form
      .send(async () => {
        await breakGlass(api, caseId, reason.trim());
      })
      .then((ok) => {
        if (ok) void navigate({ to: '/sager/$caseId', params: { caseId } });
      });
  };

  return (
    <div className="break-glass">
      <Alert variant="warning" heading={t('breakGlass.heading')} headingLevel={3}>
        <p>{t('breakGlass.text')}</p>
      </Alert>
      <ErrorSummary
        id="break-glass-errors"
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t('breakGlass.heading')}>
        <TextAreaField
          id="break-glass-reason"
          label={t('breakGlass.reason')}
          helpText={t('breakGlass.reasonHelp', { min: MIN_REASON })}
          value={reason}
          error={form.fieldErrors.reason}
          characterLimit={2000}
          onChange={(event) => {
            setReason(event.target.value);
          }}
        />
        <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
          {t('breakGlass.submit')}
        </button>
      </form>
    </div>
  );
}

export function CprSearch() {
  const { t } = useTranslation();
  const [cpr, setCpr] = useState('');
  const [outside, setOutside] = useState<string | null>(null);
  const fields = useMemo(() => ({ cpr: { id: 'cpr-search', label: t('cprSearch.label') } }), [t]);
  const form = useFormState(fields);
  const navigate = useNavigate();

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    setOutside(null);
    const value = cpr.trim();
    if (!form.check(CPR_FORM.test(value) ? {} : { cpr: t('cprSearch.errors.form') })) return;
    let found: CprMatch | undefined;
    void form
      .send(async () => {
        found = await findCaseByCpr(api, value);
      })
      .then(() => {
        if (found === undefined) return;
        if (found.in_scope) void navigate({ to: '/sager/$caseId', params: { caseId: found.case_id } });
        else setOutside(found.case_id);
      });
  };

  return (
    <section aria-labelledby="cpr-search-heading" className="cpr-search">
      <h2 id="cpr-search-heading">{t('cprSearch.heading')}</h2>
      <p>{t('cprSearch.intro')}</p>
      <ErrorSummary
        id="cpr-search-errors"
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t('cprSearch.heading')}>
        <CprField
          id="cpr-search"
          label={t('cprSearch.label')}
          helpText={t('cprSearch.help')}
          value={cpr}
          error={form.fieldErrors.cpr}
          onChange={(value) => {
            setCpr(value);
            setOutside(null);
          }}
        />
        <button type="submit" className="button button-secondary" aria-disabled={form.pending}>
          {t('cprSearch.submit')}
        </button>
      </form>
      {outside !== null && <BreakGlassForm key={outside} caseId={outside} />}
    </section>
  );
}
