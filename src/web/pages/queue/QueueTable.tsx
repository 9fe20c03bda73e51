// The queue as citizens: one row each with the most urgent deadline, how many others wait
// (expandable, each with why it exists), and the next action one click away. Column headers
// sort; on a phone the rows stack with their labels (DKFDS responsive headers).
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { QueueSort, SortOrder } from '../../../core/vocabulary.js';
import type { QueueCitizen, QueueDeadline } from '../../api/work-queue.js';
import { Explanation } from '../../components/Explanation.js';
import { Icon } from '../../components/Icon.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatIsoDate, inLanguage } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { nextActionFor } from './nextAction.js';

interface QueueTableProps {
  items: readonly QueueCitizen[];
  showCaseworker: boolean;
  caption: string;
  sort: QueueSort;
  order: SortOrder;
  /** Absent where the table is a short preview (the start page): plain headers, fewer stops for the keyboard. */
  onSort?: (sort: QueueSort, order: SortOrder) => void;
}

function SortHeader({
  column,
  label,
  sort,
  order,
  onSort,
}: {
  column: QueueSort;
  label: string;
  sort: QueueSort;
  order: SortOrder;
  onSort?: (sort: QueueSort, order: SortOrder) => void;
}) {
  const { t } = useTranslation();
  const active = column === sort;
  if (onSort === undefined) return <th scope="col">{label}</th>;
  const next: SortOrder = active && order === 'asc' ? 'desc' : 'asc';
  const icon = !active ? 'sort-table-none' : order === 'asc' ? 'sort-table-ascending' : 'sort-table-descending';
  return (
    <th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button
        type="button"
        className="button button-unstyled"
        data-sort={column}
        onClick={() => {
          onSort(column, next);
        }}
      >
        {label}
        <span className="sr-only"> {t(next === 'asc' ? 'queue.sortAscending' : 'queue.sortDescending')}</span>
        <Icon name={icon} className="mr-0 ml-2" />
      </button>
    </th>
  );
}

function DeadlineLine({ deadline }: { deadline: QueueDeadline }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <StatusBadge status={deadline.status} />{' '}
      <strong>{inLanguage(language, deadline.title, deadline.title_en)}</strong>
      <br />
      <span className="text-nowrap">{t('queue.dueOn', { date: formatIsoDate(deadline.due, language, 'short') })}</span>
    </>
  );
}

function OtherDeadlines({ item }: { item: QueueCitizen }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <details className="details queue-details">
      <summary className="details-summary">
        {item.other_count === 0 ? t('queue.whyOne') : t('queue.others', { count: item.other_count })}
      </summary>
      <div className="details-text">
        <ul className="nobullet-list queue-deadlines">
          {item.deadlines.map((deadline) => {
            const title = inLanguage(language, deadline.title, deadline.title_en);
            return (
              <li key={deadline.rule} data-rule={deadline.rule} data-status={deadline.status} data-due={deadline.due}>
                <DeadlineLine deadline={deadline} />
                <Explanation
                  explanation={inLanguage(language, deadline.explanation, deadline.explanation_en)}
                  basis={deadline.basis}
                  subject={`${title}, ${item.citizen_name}`}
                />
              </li>
            );
          })}
        </ul>
      </div>
    </details>
  );
}

export function QueueTable({ items, showCaseworker, caption, sort, order, onSort }: QueueTableProps) {
  const { t } = useTranslation();
  const headers = { sort, order, onSort };
  return (
    <table className="table table--compact table--responsive-headers queue-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <SortHeader column="name" label={t('queue.columns.citizen')} {...headers} />
          <SortHeader column="urgency" label={t('queue.columns.mostUrgent')} {...headers} />
          <th scope="col">{t('queue.columns.others')}</th>
          {showCaseworker && <SortHeader column="caseworker" label={t('queue.columns.caseworker')} {...headers} />}
          <th scope="col">{t('queue.columns.action')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const action = nextActionFor(item.most_urgent.rule);
          return (
            <tr
              key={item.case_id}
              data-case={item.case_id}
              data-rule={item.most_urgent.rule}
              data-status={item.most_urgent.status}
              data-due={item.most_urgent.due}
            >
              <td data-title={t('queue.columns.citizen')}>
                <Link to="/sager/$caseId" params={{ caseId: item.case_id }}>
                  {item.citizen_name}
                </Link>
                <br />
                <span className="queue-case-number">{t('queue.caseNumber', { number: item.case_number })}</span>
              </td>
              <td data-title={t('queue.columns.mostUrgent')}>
                <DeadlineLine deadline={item.most_urgent} />
              </td>
              <td data-title={t('queue.columns.others')}>
                <OtherDeadlines item={item} />
              </td>
              {showCaseworker && (
                <td data-title={t('queue.columns.caseworker')}>{item.caseworker?.name ?? t('common.none')}</td>
              )}
              <td data-title={t('queue.columns.action')}>
                <Link
                  to="/sager/$caseId/registrer"
                  params={{ caseId: item.case_id }}
                  search={action.kind === undefined ? { type: action.type } : { type: action.type, kind: action.kind }}
                  className="button button-secondary button-small queue-action"
                  aria-label={t('queue.actionLabel', {
                    action: t(`queue.actions.${action.type}`),
                    name: item.citizen_name,
                  })}
                >
                  {t(`queue.actions.${action.type}`)}
                </Link>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
