// What must happen next in the citizen's case and by when, said plainly, each with the rule
// behind it one click away. A closed case has nothing coming.
import { useTranslation } from 'react-i18next';
import type { CaseBody } from '../../api/cases.js';
import { Explanation } from '../../components/Explanation.js';
import { formatIsoDate, inLanguage } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { nextDeadlines } from '../cases/caseActions.js';

const SHOWN = 5;

export function UpcomingDeadlines({ detail }: { detail: CaseBody }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (detail.status === 'closed') return <p>{t('myPage.deadlines.closed')}</p>;
  const upcoming = nextDeadlines(detail, SHOWN);
  if (upcoming.length === 0) return <p>{t('myPage.deadlines.none')}</p>;
  return (
    <>
      <p>{t('myPage.deadlines.intro')}</p>
      <ul className="nobullet-list my-deadlines">
        {upcoming.map((deadline) => {
          const title = inLanguage(language, deadline.title, deadline.title_en);
          const date = formatIsoDate(deadline.due, language);
          return (
            <li key={deadline.rule} data-rule={deadline.rule} data-status={deadline.status}>
              <strong>{title}</strong>
              <span className="d-block">
                {deadline.status === 'overdue'
                  ? t('myPage.deadlines.overdue', { date })
                  : t('myPage.deadlines.due', { date })}
              </span>
              <Explanation
                explanation={inLanguage(language, deadline.explanation, deadline.explanation_en)}
                basis={deadline.basis}
                subject={title}
              />
            </li>
          );
        })}
      </ul>
      <p>{t('myPage.deadlines.questions')}</p>
    </>
  );
}
