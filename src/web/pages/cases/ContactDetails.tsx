// The citizen's contact details, and (with write access) a form to change them.
import { useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { updateContact } from '../../api/cases.js';
import { CONTACT_CHANNELS } from '../../api/vocabulary.js';
import { FactsTable } from '../../components/FactsTable.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { useLanguage } from '../../i18n/index.js';
import { checkContact, contactFieldMap, contactInputOf, ContactFields, draftOf, type ContactDraft } from './ContactFields.js';
import { languageName } from './format.js';
import { useFormState } from './useFormState.js';
import type { CaseFormProps } from './VisitationForm.js';

export function ContactDetails({ detail, onSaved, onConflict }: CaseFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const citizen = detail.citizen;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<ContactDraft>(() => draftOf(citizen));
  const editButton = useRef<HTMLButtonElement>(null);
  const fields = useMemo(() => contactFieldMap('contact', t), [t]);
  const form = useFormState(fields, onConflict);

  const close = (): void => {
    setEditing(false);
    form.clear();
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    if (!form.check(checkContact(draft, t))) return;
    void form
      .send(async () => {
        onSaved(await updateContact(api, detail.id, { ...contactInputOf(draft), version: citizen.version }));
      })
      .then((ok) => {
        if (ok) close();
      });
  };

  if (editing) {
    return (
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="contact-heading">
        <FormErrorSummary id="contact-errors" heading={t('form.errorHeading')} problems={form.problems} attempt={form.attempt} />
        <ContactFields idPrefix="contact" draft={draft} onChange={setDraft} errors={form.fieldErrors} />
        <div className="button-group mt-6">
          <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
            {t('contact.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    );
  }

  const channel = CONTACT_CHANNELS.find((value) => value === citizen.contact_channel);
  const rows = [
    { key: 'address', label: t('contact.address'), value: citizen.address ?? t('common.none') },
    { key: 'phone', label: t('contact.phone'), value: citizen.phone ?? t('common.none') },
    { key: 'email', label: t('contact.email'), value: citizen.email ?? t('common.none') },
    { key: 'channel', label: t('contact.channel'), value: channel === undefined ? citizen.contact_channel : t(`vocabulary.contactChannel.${channel}`) },
    { key: 'language', label: t('contact.language'), value: languageName(citizen.language, language) },
    { key: 'interpreter', label: t('contact.interpreterShort'), value: citizen.interpreter_needed ? t('common.yes') : t('common.no') },
  ];
  return (
    <>
      <FactsTable caption={t('contact.heading')} rows={rows} />
      {detail.access.write && (
        <button
          ref={editButton}
          type="button"
          className="button button-secondary mt-4"
          onClick={() => {
            setDraft(draftOf(citizen));
            setEditing(true);
            requestAnimationFrame(() => document.getElementById('contact-name')?.focus());
          }}
        >
          {t('contact.edit')}
        </button>
      )}
    </>
  );
}
