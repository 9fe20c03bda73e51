// Citizens in the caller's cases who meet the experiment's conditions and are not enrolled.
// No arm is shown here: the arm is drawn only when a citizen is enrolled (concealed
// allocation), so nobody can pick who gets which arm.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { asApiError, readableError } from '../../api/client.js';
import { enrol, type EligibleCitizen, type Enrolment, type ExperimentBody } from '../../api/experiments.js';
import { eligibleQuery } from '../../api/queries.js';
import { ErrorSummary, type FormProblem } from '../../components/ErrorSummary.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { pageCount } from '../../components/pages.js';
import { Pagination } from '../../components/Pagination.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { Spinner } from '../../components/Spinner.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { StratumText } from './StratumText.js';

const PAGE_SIZE = 25;

interface EligibleListProps {
  experiment: ExperimentBody;
  onEnrolled: (enrolment: Enrolment) => void;
  /** Enrolling failed: the list (or the experiment) may have changed since it was read. */
  onFailed: () => void;
}

const consentId = (citizen: EligibleCitizen): string => `consent-${citizen.case_id}`;

export function EligibleList({ experiment, onEnrolled, onFailed }: EligibleListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [page, setPage] = useState(1);
  const [consents, setConsents] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState<string | null>(null);
  const query = useQuery(eligibleQuery(experiment.id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
  const consentRequired = experiment.design.consent_required;

  const fail = (found: FormProblem[]): void => {
    setProblems(found);
    setAttempt((n) => n + 1);
  };

  const enrolCitizen = (citizen: EligibleCitizen): void => {
    if (pending !== null) return;
    const name = citizen.name ?? citizen.pseudonym;
    const consent = consents.has(citizen.case_id);
    if (consentRequired && !consent) {
      fail([{ message: t('experiments.enrol.consentMissing', { name }), fieldId: consentId(citizen) }]);
      return;
    }
    setPending(citizen.case_id);
    enrol(api, experiment.id, { case_id: citizen.case_id, consent }).then(
      (enrolment) => {
        setPending(null);
        setProblems([]);
        onEnrolled(enrolment);
      },
      (error: unknown) => {
        setPending(null);
        const readable = readableError(error);
        fail([{ message: readable === null ? t('form.failed') : `${name}: ${readable.message}` }]);
        onFailed();
      },
    );
  };

  const result = query.data;
  if (result === undefined) {
    if (query.isError)
      return <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} headingLevel={3} />;
    return <Spinner text={t('experiments.enrol.loading')} />;
  }
  return (
    <div aria-busy={query.isFetching}>
      <ErrorSummary
        id="enrol-errors"
        heading={t('experiments.enrol.errorHeading')}
        problems={problems}
        attempt={attempt}
      />
      {result.items.length === 0 ? (
        <p>{t('experiments.enrol.none')}</p>
      ) : (
        <>
          <p>{t('experiments.enrol.count', { count: result.total })}</p>
          <ScrollRegion label={t('experiments.enrol.caption')}>
            <table className="table table--compact eligible-table">
              <caption className="sr-only">{t('experiments.enrol.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('experiments.columns.citizen')}</th>
                  <th scope="col" className="align-text-right">
                    {t('experiments.columns.age')}
                  </th>
                  <th scope="col" className="align-text-right">
                    {t('experiments.columns.benefitYears')}
                  </th>
                  <th scope="col">{t('experiments.columns.stratum')}</th>
                  {consentRequired && <th scope="col">{t('experiments.columns.consent')}</th>}
                  <th scope="col">
                    <span className="sr-only">{t('experiments.columns.action')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((citizen) => {
                  const name = citizen.name ?? citizen.pseudonym;
                  return (
                    <tr key={citizen.case_id} data-case={citizen.case_id}>
                      <th scope="row">
                        {citizen.name === null ? (
                          citizen.pseudonym
                        ) : (
                          <Link to="/sager/$caseId" params={{ caseId: citizen.case_id }}>
                            {citizen.name}
                          </Link>
                        )}
                      </th>
                      <td className="align-text-right">{formatNumber(citizen.age, language)}</td>
                      <td className="align-text-right">
                        {formatNumber(citizen.benefit_years, language, { maximumFractionDigits: 1 })}
                      </td>
                      <td>
                        <StratumText code={citizen.stratum} />
                      </td>
                      {consentRequired && (
                        <td>
                          <div className="form-group-checkbox consent-checkbox">
                            <input
                              type="checkbox"
                              id={consentId(citizen)}
                              className="form-checkbox"
                              checked={consents.has(citizen.case_id)}
                              onChange={(event) => {
                                const next = new Set(consents);
                                if (event.target.checked) next.add(citizen.case_id);
                                else next.delete(citizen.case_id);
                                setConsents(next);
                              }}
                            />
                            <label htmlFor={consentId(citizen)}>
                              {t('experiments.enrol.consent')}
                              <span className="sr-only"> ({name})</span>
                            </label>
                          </div>
                        </td>
                      )}
                      <td>
                        <button
                          type="button"
                          className="button button-secondary"
                          aria-disabled={pending !== null}
                          onClick={() => {
                            enrolCitizen(citizen);
                          }}
                        >
                          {pending === citizen.case_id
                            ? t('experiments.enrol.enrolling')
                            : t('experiments.enrol.submit')}
                          <span className="sr-only"> {name}</span>
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
          <Pagination
            current={page}
            total={pageCount(result.total, PAGE_SIZE)}
            label={t('experiments.enrol.pagination')}
            onChange={setPage}
          />
        </>
      )}
    </div>
  );
}
