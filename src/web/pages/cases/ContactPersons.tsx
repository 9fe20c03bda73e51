// The staff involved in the case: as few as possible, by the Halsnæs principle.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/client.js';
import { contactPersonsQuery } from '../../api/queries.js';
import { LoadFailed } from '../../components/LoadFailed.js';

export function ContactPersons({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const query = useQuery(contactPersonsQuery(caseId));
  if (query.isError) {
    return <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} headingLevel={3} />;
  }
  const persons = query.data;
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
