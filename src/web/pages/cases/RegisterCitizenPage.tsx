// /sager/ny: register a citizen and open their case. The CPR number goes in the request body
// only. A citizen already registered gets a link to the existing case instead.
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseCpr } from '../../../core/cpr/parse.js';
import { isIsoDate } from '../../../core/rules/date.js';
import { BENEFITS, isOneOf } from '../../../core/vocabulary.js';
import { api } from '../../api/browser.js';
import { registerCitizen } from '../../api/cases.js';
import { ApiError } from '../../api/client.js';
import { Alert } from '../../components/Alert.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { DateField, dateFieldId, useDateProblem } from '../../components/DateField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { SelectField } from '../../components/SelectField.js';
import { CprField } from '../../components/CprField.js';
import { RegisterBody } from '../../forms/schemas.js';
import { useSchemaCheck } from '../../forms/useSchemaCheck.js';
import { useFormState } from '../../hooks/useFormState.js';
import { isoDateIn } from '../../i18n/format.js';
import { hasAnyRole, REGISTRARS } from '../../roles.js';
import { useNotify } from '../../components/Notices.js';
import { useUser } from '../../session/useUser.js';
import { CaseworkerField } from './CaseworkerField.js';
import {
  checkContact,
  contactFieldMap,
  contactInputOf,
  ContactFields,
  EMPTY_CONTACT,
  type ContactDraft,
} from './ContactFields.js';

interface Duplicate {
  caseId: string | null;
  message: string;
}

function duplicateOf(error: unknown): Duplicate | null {
  if (!(error instanceof ApiError) || error.details.reason !== 'duplicate_citizen') return null;
  const caseId = error.details.case_id;
  return { caseId: typeof caseId === 'string' ? caseId : null, message: error.message };
}

export function RegisterCitizenPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const notify = useNotify();
  const client = useQueryClient();
  const today = isoDateIn(new Date());
  const [cpr, setCpr] = useState('');
  const [contact, setContact] = useState<ContactDraft>(EMPTY_CONTACT);
  // Medspiller is built for citizens on cash benefit: the usual answer is chosen, the others are one click away.
  const [benefit, setBenefit] = useState<string>('cash_benefit');
  const [benefitStart, setBenefitStart] = useState('');
  const [registered, setRegistered] = useState(today);
  const [caseworker, setCaseworker] = useState('');
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  // A caseworker's new case is their own; anyone else names the caseworker.
  const choosesCaseworker = !user.roles.includes('caseworker');
  const fields = useMemo(
    () => ({
      cpr: { id: 'register-cpr', label: t('register.cpr'), subject: t('validation.subjects.cpr') },
      ...contactFieldMap('register', t),
      benefit: { id: 'register-benefit', label: t('register.benefit') },
      benefit_start: { id: dateFieldId('register-benefit-start'), label: t('register.benefitStart') },
      registered: { id: dateFieldId('register-registered'), label: t('register.registered') },
      caseworker_id: { id: 'register-caseworker', label: t('register.caseworker') },
    }),
    [t],
  );
  const form = useFormState(fields);
  const checkBody = useSchemaCheck(fields);
  const dateProblem = useDateProblem();

  if (!hasAnyRole(user, REGISTRARS)) return <NoAccess title={t('register.title')} />;

  const body = {
    cpr: cpr.trim(),
    ...contactInputOf(contact),
    benefit,
    benefit_start: benefitStart,
    registered,
    ...(choosesCaseworker ? { caseworker_id: caseworker } : {}),
  };

  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    // Core's CPR rule, as the server applies it: 30 February is caught here, in the same round.
    const parsed = parseCpr(cpr);
    if (cpr.trim() === '') found.cpr = t('register.errors.cprMissing');
    else if (!parsed.ok)
      found.cpr = t(parsed.error.code === 'cpr_date' ? 'register.errors.cprDate' : 'register.errors.cprForm');
    Object.assign(found, checkContact(contact, t));
    if (!isOneOf(BENEFITS, benefit)) found.benefit = t('register.errors.benefit');
    if (!isIsoDate(benefitStart)) found.benefit_start = dateProblem(benefitStart) ?? t('register.errors.benefitStart');
    else if (benefitStart > today) found.benefit_start = t('register.errors.future');
    if (!isIsoDate(registered)) found.registered = dateProblem(registered) ?? t('register.errors.registered');
    else if (registered > today) found.registered = t('register.errors.future');
    if (choosesCaseworker && caseworker === '') found.caseworker_id = t('register.errors.caseworker');
    return checkBody(RegisterBody, body, found);
  };

  const submit = async (): Promise<void> => {
    setDuplicate(null);
    if (!form.check(check()) || !isOneOf(BENEFITS, benefit)) return;
    let caseId: string | undefined;
    await form.send(async () => {
      try {
        const created = await registerCitizen(api, { ...body, benefit });
        caseId = created.id;
      } catch (error) {
        const found = duplicateOf(error);
        if (found === null) throw error;
        setDuplicate(found);
      }
    });
    if (caseId === undefined) return;
    // The new case counts in the queue, the search and the caseloads.
    void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'case' });
    // Visitation is what a new case needs next.
    await navigate({ to: '/sager/$caseId/visitation', params: { caseId } });
    notify(t('register.saved', { name: contact.name.trim() }));
  };

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    void submit();
  };

  return (
    <>
      <Breadcrumbs
        items={[
          { text: t('start.title'), link: { to: '/' } },
          { text: t('search.title'), link: { to: '/sager' } },
          { text: t('register.title') },
        ]}
      />
      <Page title={t('register.title')}>
        <p className="font-lead">{t('register.intro')}</p>
        <ErrorSummary
          id="error-summary"
          headingLevel={2}
          heading={t('form.errorHeading')}
          problems={form.problems}
          attempt={form.attempt}
        />
        {duplicate !== null && (
          <Alert variant="warning" heading={t('register.duplicateHeading')}>
            <p>{duplicate.message}</p>
            {duplicate.caseId !== null && (
              <p>
                <Link to="/sager/$caseId" params={{ caseId: duplicate.caseId }}>
                  {t('register.openExisting')}
                </Link>
              </p>
            )}
          </Alert>
        )}
        <form className="form" noValidate onSubmit={onSubmit} aria-label={t('register.title')}>
          <CprField
            id="register-cpr"
            label={t('register.cpr')}
            helpText={t('register.cprHelp')}
            value={cpr}
            error={form.fieldErrors.cpr}
            onChange={setCpr}
          />
          <ContactFields idPrefix="register" draft={contact} onChange={setContact} errors={form.fieldErrors} />
          <SelectField
            id="register-benefit"
            label={t('register.benefit')}
            value={benefit}
            error={form.fieldErrors.benefit}
            options={[
              { value: '', label: t('register.chooseBenefit') },
              ...BENEFITS.map((value) => ({ value, label: t(`vocabulary.benefit.${value}`) })),
            ]}
            onChange={(event) => {
              setBenefit(event.target.value);
            }}
          />
          <DateField
            id="register-benefit-start"
            label={t('register.benefitStart')}
            helpText={t('register.benefitStartHelp')}
            value={benefitStart}
            error={form.fieldErrors.benefit_start}
            onChange={setBenefitStart}
          />
          <DateField
            id="register-registered"
            label={t('register.registered')}
            helpText={t('register.registeredHelp')}
            value={registered}
            error={form.fieldErrors.registered}
            onChange={setRegistered}
          />
          {choosesCaseworker && (
            <CaseworkerField
              id="register-caseworker"
              user={user}
              value={caseworker}
              onChange={setCaseworker}
              error={form.fieldErrors.caseworker_id}
            />
          )}
          <button type="submit" className="button button-primary mt-6" aria-disabled={form.pending}>
            {form.pending ? t('register.submitting') : t('register.submit')}
          </button>
        </form>
      </Page>
    </>
  );
}
