// The enrolled citizens with their arm, stratum, enrolment date and whether follow-up goes
// on. Case staff see names; analysts see pseudonyms only. Enrollers may end follow-up.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client.js';
import type { Enrolment, ExperimentBody } from '../../api/experiments.js';
import { enrolmentsQuery } from '../../api/queries.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { pageCount } from '../../components/pages.js';
import { Pagination } from '../../components/Pagination.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { Spinner } from '../../components/Spinner.js';
import { formatIsoDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { EndFollowUpForm } from './EndFollowUpForm.js';
import { StratumText } from './StratumText.js';

const PAGE_SIZE = 50;

interface EnrolledListProps {
  experiment: ExperimentBody;
  canEnd: boolean;
  onEnded: (enrolment: Enrolment) => void;
}

function FollowUp({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (enrolment.ended_on === null || enrolment.end_reason === null) return <>{t('experiments.enrolled.following')}</>;
  return (
    <>
      {t('experiments.enrolled.ended', {
        date: formatIsoDate(enrolment.ended_on, language),
        reason: t(`experiments.endReasons.${enrolment.end_reason}`),
      })}
    </>
  );
}

export function EnrolledList({ experiment, canEnd, onEnded }: EnrolledListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [page, setPage] = useState(1);
  const [ending, setEnding] = useState<string | null>(null);
  const query = useQuery(enrolmentsQuery(experiment.id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
  const armLabel = (arm: string): string =>
    experiment.design.arms.find((candidate) => candidate.name === arm)?.label ?? arm;

  const result = query.data;
  if (result === undefined) {
    if (query.isError)
      return <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} headingLevel={3} />;
    return <Spinner text={t('experiments.enrolled.loading')} />;
  }
  if (result.items.length === 0) return <p>{t('experiments.enrolled.none')}</p>;
  const names = result.items.some((enrolment) => enrolment.name !== null);
  const columns = 6 + (names ? 1 : 0) + (canEnd ? 1 : 0);
  return (
    <div aria-busy={query.isFetching}>
      <p>{t('experiments.enrolled.count', { count: result.total })}</p>
      <ScrollRegion label={t('experiments.enrolled.caption')}>
        <table className="table table--compact enrolled-table">
          <caption className="sr-only">{t('experiments.enrolled.caption')}</caption>
          <thead>
            <tr>
              {names && <th scope="col">{t('experiments.columns.citizen')}</th>}
              <th scope="col">{t('experiments.columns.pseudonym')}</th>
              <th scope="col">{t('experiments.columns.arm')}</th>
              <th scope="col">{t('experiments.columns.stratum')}</th>
              <th scope="col">{t('experiments.columns.enrolledOn')}</th>
              <th scope="col">{t('experiments.columns.consent')}</th>
              <th scope="col">{t('experiments.columns.followUp')}</th>
              {canEnd && (
                <th scope="col">
                  <span className="sr-only">{t('experiments.columns.action')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {result.items.map((enrolment) => {
              const name = enrolment.name ?? enrolment.pseudonym;
              return [
                <tr
                  key={enrolment.citizen_id}
                  data-citizen={enrolment.citizen_id}
                  data-arm={enrolment.arm}
                  data-pseudonym={enrolment.pseudonym}
                >
                  {names && (
                    <th scope="row">
                      {enrolment.name === null ? (
                        t('common.none')
                      ) : (
                        <Link to="/sager/$caseId" params={{ caseId: enrolment.case_id }}>
                          {enrolment.name}
                        </Link>
                      )}
                    </th>
                  )}
                  <td>
                    <code>{enrolment.pseudonym}</code>
                  </td>
                  <td data-field="arm">{armLabel(enrolment.arm)}</td>
                  <td>
                    <StratumText code={enrolment.stratum} />
                  </td>
                  <td className="text-nowrap">{formatIsoDate(enrolment.enrolled_on, language)}</td>
                  <td>{enrolment.consent ? t('common.yes') : t('common.no')}</td>
                  <td data-field="followUp">
                    <FollowUp enrolment={enrolment} />
                  </td>
                  {canEnd && (
                    <td>
                      {enrolment.ended_on === null && ending !== enrolment.citizen_id && (
                        <button
                          type="button"
                          className="function-link"
                          onClick={() => {
                            setEnding(enrolment.citizen_id);
                          }}
                        >
                          {t('experiments.end.open')}
                          <span className="sr-only">: {name}</span>
                        </button>
                      )}
                    </td>
                  )}
                </tr>,
                ending === enrolment.citizen_id && (
                  <tr key={`${enrolment.citizen_id}-end`} className="end-row">
                    <td colSpan={columns}>
                      <EndFollowUpForm
                        experimentId={experiment.id}
                        enrolment={enrolment}
                        onCancel={() => {
                          setEnding(null);
                        }}
                        onEnded={(ended) => {
                          setEnding(null);
                          onEnded(ended);
                        }}
                      />
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <Pagination
        current={page}
        total={pageCount(result.total, PAGE_SIZE)}
        label={t('experiments.enrolled.pagination')}
        onChange={setPage}
      />
    </div>
  );
}
