// The staff involved in the case: as few as possible, by the Halsnæs principle.
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { fetchContactPersons } from '../../api/cases.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { useLoad } from '../../hooks/useLoad.js';

export function ContactPersons({ caseId, revision }: { caseId: string; revision: number }) {
  const { t } = useTranslation();
  const [load, reload] = useLoad(() => fetchContactPersons(api, caseId), `${caseId}|${String(revision)}`);
  if (load.status === 'failed') return <LoadFailed error={load.error} onRetry={reload} headingLevel={3} />;
  const persons = load.value;
  if (persons === undefined) return <p>{t('app.loading')}</p>;
  if (persons.length === 0) return <p>{t('case.contactPersons.none')}</p>;
  return (
    <ul className="contact-persons">
      {persons.map((person) => {
        const roles = person.roles.map((role) => t(`start.roles.${role}.name`));
        return (
          <li key={person.id}>
            {person.name}
            {roles.length > 0 && `, ${roles.join(', ')}`}
          </li>
        );
      })}
    </ul>
  );
}
