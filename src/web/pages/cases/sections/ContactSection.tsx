// How to reach the citizen, and the staff involved in the case.
import { useTranslation } from 'react-i18next';
import { useCase } from '../CaseContext.js';
import { ContactDetails } from '../ContactDetails.js';
import { ContactPersons } from '../ContactPersons.js';
import { CaseSection } from './CaseSection.js';

export function ContactSection() {
  const { t } = useTranslation();
  const { detail, onSaved, onConflict } = useCase();
  return (
    <CaseSection id="contact" title={t('contact.heading')}>
      <ContactDetails key={detail.citizen.version} detail={detail} onSaved={onSaved} onConflict={onConflict} />
      <h3>{t('case.contactPersons.heading')}</h3>
      <ContactPersons caseId={detail.id} />
    </CaseSection>
  );
}
