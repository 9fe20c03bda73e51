// /sager/ny: register a citizen and open their case. The CPR number goes in the request body
// only. A citizen already registered gets a link to the existing case instead.
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../core/rules/date.js';
import { BENEFITS, isOneOf } from '../../../core/vocabulary.js';
import { api } from '../../api/browser.js';
import { registerCitizen } from '../../api/cases.js';
import { ApiError } from '../../api/client.js';
import type { SessionUser } from '../../api/session.js';
import { Alert } from '../../components/Alert.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { SelectField } from '../../components/SelectField.js';
import { TextField } from '../../components/TextField.js';
import { useFormState } from '../../hooks/useFormState.js';
import { isoDateIn } from '../../i18n/format.js';
import { hasAnyRole, REGISTRARS } from '../../roles.js';
import { navigate } from '../../router/history.js';
import { Link } from '../../router/Link.js';
import { casePath, PATHS } from '../../router/routes.js';
import { CaseworkerField } from './CaseworkerField.js';
import {
  checkContact,
  contactFieldMap,
  contactInputOf,
  ContactFields,
  EMPTY_CONTACT,
  type ContactDraft,
} from './ContactFields.js';

const CPR_FORM = /^\d{6}-?\d{4}$/;

interface Duplicate {
  caseId: string | null;
  message: string;
}

function duplicateOf(error: unknown): Duplicate | null {
  if (!(error instanceof ApiError) || error.details.reason !== 'duplicate_citizen') return null;
  const caseId = error.details.case_id;
  return { caseId: typeof caseId === 'string' ? caseId : null, message: error.message };
}

export function RegisterCitizenPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const today = isoDateIn(new Date());
  const [cpr, setCpr] = useState('');
  const [contact, setContact] = useState<ContactDraft>(EMPTY_CONTACT);
  const [benefit, setBenefit] = useState('');
  const [benefitStart, setBenefitStart] = useState('');
  const [registered, setRegistered] = useState(today);
  const [caseworker, setCaseworker] = useState('');
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  // A caseworker's new case is their own; anyone else names the caseworker.
  const choosesCaseworker = !user.roles.includes('caseworker');
  const fields = useMemo(
    () => ({
      cpr: { id: 'register-cpr', label: t('register.cpr') },
      ...contactFieldMap('register', t),
      benefit: { id: 'register-benefit', label: t('register.benefit') },
      benefit_start: { id: 'register-benefit-start', label: t('register.benefitStart') },
      registered: { id: 'register-registered', label: t('register.registered') },
      caseworker_id: { id: 'register-caseworker', label: t('register.caseworker') },
    }),
    [t],
  );
  const form = useFormState(fields);

  if (!hasAnyRole(user, REGISTRARS)) return <NoAccess title={t('register.title')} />;

  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (cpr.trim() === '') found.cpr = t('register.errors.cprMissing');
    else if (!CPR_FORM.test(cpr.trim())) found.cpr = t('register.errors.cprForm');
    Object.assign(found, checkContact(contact, t));
    if (!isOneOf(BENEFITS, benefit)) found.benefit = t('register.errors.benefit');
    if (!isIsoDate(benefitStart)) found.benefit_start = t('register.errors.benefitStart');
    else if (benefitStart > today) found.benefit_start = t('register.errors.future');
    if (!isIsoDate(registered)) found.registered = t('register.errors.registered');
    else if (registered > today) found.registered = t('register.errors.future');
    if (choosesCaseworker && caseworker === '') found.caseworker_id = t('register.errors.caseworker');
    return found;
  };

  const submit = async (): Promise<void> => {
    setDuplicate(null);
    if (!form.check(check()) || !isOneOf(BENEFITS, benefit)) return;
    let caseId: string | undefined;
    await form.send(async () => {
      try {
        const created = await registerCitizen(api, {
          cpr: cpr.trim(),
          ...contactInputOf(contact),
          benefit,
          benefit_start: benefitStart,
          registered,
          ...(choosesCaseworker ? { caseworker_id: caseworker } : {}),
        });
        caseId = created.id;
      } catch (error) {
        const found = duplicateOf(error);
        if (found === null) throw error;
        setDuplicate(found);
      }
    });
    if (caseId !== undefined) navigate(casePath(caseId));
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
          { text: t('start.title'), to: PATHS.start },
          { text: t('search.title'), to: PATHS.caseSearch },
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
                <Link to={casePath(duplicate.caseId)}>{t('register.openExisting')}</Link>
              </p>
            )}
          </Alert>
        )}
        <form className="form" noValidate onSubmit={onSubmit} aria-label={t('register.title')}>
          <TextField
            id="register-cpr"
            name="cpr"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            label={t('register.cpr')}
            helpText={t('register.cprHelp')}
            width="input-width-m"
            maxLength={11}
            value={cpr}
            error={form.fieldErrors.cpr}
            onChange={(event) => {
              setCpr(event.target.value);
            }}
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
          <TextField
            id="register-benefit-start"
            type="date"
            label={t('register.benefitStart')}
            helpText={t('register.benefitStartHelp')}
            width="input-width-m"
            max={today}
            value={benefitStart}
            error={form.fieldErrors.benefit_start}
            onChange={(event) => {
              setBenefitStart(event.target.value);
            }}
          />
          <TextField
            id="register-registered"
            type="date"
            label={t('register.registered')}
            helpText={t('register.registeredHelp')}
            width="input-width-m"
            max={today}
            value={registered}
            error={form.fieldErrors.registered}
            onChange={(event) => {
              setRegistered(event.target.value);
            }}
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
