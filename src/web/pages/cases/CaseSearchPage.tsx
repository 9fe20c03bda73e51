// /sager: search the cases you may see by name, case number or the birth-date part of the CPR
// number; the query lives in the address. A whole CPR number has its own form below.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSort, CaseStatusFilter, CaseSummary } from '../../api/cases.js';
import { asApiError } from '../../api/client.js';
import { casesQuery } from '../../api/queries.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { Page } from '../../components/Page.js';
import { pageCount } from '../../components/pages.js';
import { Pagination } from '../../components/Pagination.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { SelectField } from '../../components/SelectField.js';
import { Spinner } from '../../components/Spinner.js';
import { TextField } from '../../components/TextField.js';
import { useSearchParams } from '../../hooks/useSearchParams.js';
import { formatIsoDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { CASE_STAFF, hasAnyRole, REGISTRARS } from '../../roles.js';
import { useUser } from '../../session/useUser.js';
import { CprSearch } from './CprSearch.js';

export const SEARCH_PAGE_SIZE = 25;
const STATUSES: readonly CaseStatusFilter[] = ['open', 'closed', 'all'];
const SORTS: readonly CaseSort[] = ['name', 'case_number', 'registered'];
// A whole CPR number must never end up in the address.
const WHOLE_CPR = /\d{6}-?\d{4}/;

function readQuery(params: URLSearchParams): { q: string; status: CaseStatusFilter; sort: CaseSort; page: number } {
  const page = Number(params.get('side') ?? '1');
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    status: STATUSES.find((value) => value === params.get('status')) ?? 'open',
    sort: SORTS.find((value) => value === params.get('sortering')) ?? 'name',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

function writeQuery(query: { q: string; status: CaseStatusFilter; sort: CaseSort; page: number }): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim() !== '') params.set('q', query.q.trim());
  if (query.status !== 'open') params.set('status', query.status);
  if (query.sort !== 'name') params.set('sortering', query.sort);
  if (query.page > 1) params.set('side', String(query.page));
  return params;
}

function Results({ items }: { items: readonly CaseSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ScrollRegion label={t('search.caption')}>
      <table className="table table--compact">
        <caption className="sr-only">{t('search.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('search.columns.name')}</th>
            <th scope="col">{t('search.columns.cpr')}</th>
            <th scope="col">{t('search.columns.caseNumber')}</th>
            <th scope="col">{t('search.columns.track')}</th>
            <th scope="col">{t('search.columns.caseworker')}</th>
            <th scope="col">{t('search.columns.registered')}</th>
            <th scope="col">{t('search.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <Link to="/sager/$caseId" params={{ caseId: item.id }}>
                  {item.citizen_name}
                </Link>
              </td>
              <td className="text-nowrap">{item.cpr_masked}</td>
              <td className="text-nowrap">{item.case_number}</td>
              <td>
                {item.track !== null
                  ? t(`vocabulary.track.${item.track}`)
                  : item.category !== null
                    ? t(`vocabulary.category.${item.category}`)
                    : t('common.none')}
              </td>
              <td>{item.caseworker?.name ?? t('common.none')}</td>
              <td className="text-nowrap">{formatIsoDate(item.registered, language)}</td>
              <td>{item.status === 'closed' ? t('vocabulary.caseStatus.closed') : t('vocabulary.caseStatus.open')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function CaseSearchPage() {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const [draft, setDraft] = useState(query);
  const [problem, setProblem] = useState<{ attempt: number; message: string } | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const apiQuery = {
    q: query.q,
    status: query.status,
    sort: query.sort,
    limit: SEARCH_PAGE_SIZE,
    offset: (query.page - 1) * SEARCH_PAGE_SIZE,
  };
  const load = useQuery({ ...casesQuery(apiQuery), enabled: hasAnyRole(user, CASE_STAFF) });

  if (!hasAnyRole(user, CASE_STAFF)) return <NoAccess title={t('search.title')} />;

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (WHOLE_CPR.test(draft.q)) {
      setProblem((before) => ({ attempt: (before?.attempt ?? 0) + 1, message: t('search.errors.wholeCpr') }));
      return;
    }
    setProblem(null);
    setParams(writeQuery({ ...draft, page: 1 }));
  };

  const result = load.data;
  const pages = pageCount(result?.total ?? 0, SEARCH_PAGE_SIZE);
  const first = (query.page - 1) * SEARCH_PAGE_SIZE + 1;

  return (
    <>
      <Breadcrumbs items={[{ text: t('start.title'), link: { to: '/' } }, { text: t('search.title') }]} />
      <Page title={t('search.title')}>
        <p className="font-lead">{t('search.intro')}</p>
        {hasAnyRole(user, REGISTRARS) && (
          <p>
            <Link to="/sager/ny">{t('startTools.register')}</Link>
          </p>
        )}
        <ErrorSummary
          id="search-errors"
          heading={t('form.errorHeading')}
          problems={problem === null ? [] : [{ message: problem.message, fieldId: 'search-q' }]}
          attempt={problem?.attempt ?? 0}
        />
        <form className="form" role="search" noValidate onSubmit={onSubmit} aria-label={t('search.formLabel')}>
          <TextField
            id="search-q"
            type="search"
            name="q"
            label={t('search.q')}
            helpText={t('search.qHelp')}
            autoComplete="off"
            width="input-width-l"
            characterLimit={100}
            value={draft.q}
            error={problem?.message}
            onChange={(event) => {
              setDraft({ ...draft, q: event.target.value });
            }}
          />
          <div className="filter-fields">
            <SelectField
              id="search-status"
              label={t('search.status')}
              value={draft.status}
              options={STATUSES.map((value) => ({ value, label: t(`search.statuses.${value}`) }))}
              onChange={(event) => {
                setDraft({ ...draft, status: STATUSES.find((value) => value === event.target.value) ?? 'open' });
              }}
            />
            <SelectField
              id="search-sort"
              label={t('search.sort')}
              value={draft.sort}
              options={SORTS.map((value) => ({ value, label: t(`search.sorts.${value}`) }))}
              onChange={(event) => {
                setDraft({ ...draft, sort: SORTS.find((value) => value === event.target.value) ?? 'name' });
              }}
            />
          </div>
          <button type="submit" className="button button-primary mt-5">
            {t('search.submit')}
          </button>
        </form>

        <h2 ref={resultsHeading} tabIndex={-1} className="results-heading">
          {t('search.resultsHeading')}
        </h2>
        {load.isError && (
          <LoadFailed error={asApiError(load.error)} onRetry={() => void load.refetch()} headingLevel={3} />
        )}
        {result === undefined ? (
          load.isPending && <Spinner text={t('search.loading')} />
        ) : (
          <div aria-busy={load.isFetching}>
            <p aria-live="polite">
              {result.items.length === 0
                ? t('search.empty')
                : t('search.showing', {
                    first: formatNumber(first, language),
                    last: formatNumber(first + result.items.length - 1, language),
                    total: formatNumber(result.total, language),
                  })}
            </p>
            {result.items.length > 0 && <Results items={result.items} />}
            <Pagination
              current={query.page}
              total={pages}
              label={t('search.pagination')}
              onChange={(page) => {
                setParams(writeQuery({ ...query, page }));
                resultsHeading.current?.focus();
              }}
            />
          </div>
        )}
        <CprSearch />
      </Page>
    </>
  );
}
