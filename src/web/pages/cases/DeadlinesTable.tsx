// A case's deadlines, soonest first, each with its status and its explanation one click away.
import { useTranslation } from 'react-i18next';
import type { Deadline } from '../../api/cases.js';
import { Explanation } from '../../components/Explanation.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatIsoDate, inLanguage } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';

export function DeadlinesTable({ deadlines }: { deadlines: readonly Deadline[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (deadlines.length === 0) return <p>{t('case.deadlines.none')}</p>;
  return (
    <ScrollRegion label={t('case.deadlines.caption')}>
      <table className="table table--compact deadlines-table">
        <caption className="sr-only">{t('case.deadlines.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('case.deadlines.deadline')}</th>
            <th scope="col">{t('case.deadlines.due')}</th>
            <th scope="col">{t('case.deadlines.status')}</th>
            <th scope="col">{t('case.deadlines.metOn')}</th>
            <th scope="col">{t('case.deadlines.explanation')}</th>
          </tr>
        </thead>
        <tbody>
          {deadlines.map((deadline) => {
            const title = inLanguage(language, deadline.title, deadline.title_en);
            return (
              <tr key={deadline.rule} data-rule={deadline.rule} data-status={deadline.status}>
                <td>{title}</td>
                <td className="text-nowrap">{formatIsoDate(deadline.due, language)}</td>
                <td>
                  <StatusBadge status={deadline.status} />
                </td>
                <td className="text-nowrap">
                  {deadline.met_on === null ? t('common.none') : formatIsoDate(deadline.met_on, language)}
                </td>
                <td>
                  <Explanation
                    explanation={inLanguage(language, deadline.explanation, deadline.explanation_en)}
                    basis={deadline.basis}
                    subject={title}
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
