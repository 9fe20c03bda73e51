// The queue's deadlines as a DKFDS table, soonest first, each with its explanation one click away.
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../api/work-queue.js';
import { Explanation } from '../../components/Explanation.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatIsoDate, inLanguage } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { Link } from '../../router/Link.js';
import { casePath } from '../../router/routes.js';

interface QueueTableProps {
  items: readonly QueueItem[];
  showCaseworker: boolean;
  caption: string;
}

export function QueueTable({ items, showCaseworker, caption }: QueueTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ScrollRegion label={caption}>
      <table className="table table--compact queue-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('queue.columns.citizen')}</th>
            <th scope="col">{t('queue.columns.caseNumber')}</th>
            <th scope="col">{t('queue.columns.deadline')}</th>
            <th scope="col">{t('queue.columns.due')}</th>
            <th scope="col">{t('queue.columns.status')}</th>
            <th scope="col">{t('queue.columns.track')}</th>
            {showCaseworker && <th scope="col">{t('queue.columns.caseworker')}</th>}
            <th scope="col">{t('queue.columns.explanation')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const title = inLanguage(language, item.title, item.title_en);
            return (
              <tr
                key={`${item.case_id}:${item.rule}`}
                data-case={item.case_id}
                data-rule={item.rule}
                data-status={item.status}
                data-due={item.due}
              >
                <td>
                  <Link to={casePath(item.case_id)}>{item.citizen_name}</Link>
                </td>
                <td className="text-nowrap">{item.case_number}</td>
                <td>{title}</td>
                <td className="text-nowrap">{formatIsoDate(item.due, language)}</td>
                <td>
                  <StatusBadge status={item.status} />
                </td>
                <td>{item.track === null ? t('common.none') : t(`vocabulary.track.${item.track}`)}</td>
                {showCaseworker && <td>{item.caseworker?.name ?? t('common.none')}</td>}
                <td>
                  <Explanation
                    explanation={inLanguage(language, item.explanation, item.explanation_en)}
                    basis={item.basis}
                    subject={`${title}, ${item.citizen_name}`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
