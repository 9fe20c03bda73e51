// The citizen's contact details, and (with write access) a form to change them.
import { useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { updateContact } from '../../api/cases.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FactsTable } from '../../components/FactsTable.js';
import { useNotify } from '../../components/Notices.js';
import { ContactBody } from '../../forms/schemas.js';
import { useSchemaCheck } from '../../forms/useSchemaCheck.js';
import { useFormState } from '../../hooks/useFormState.js';
import { languageName } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import type { CaseFormProps } from './caseForm.js';
import {
  checkContact,
  contactFieldMap,
  contactInputOf,
  ContactFields,
  draftOf,
  type ContactDraft,
} from './ContactFields.js';

export function ContactDetails({ detail, onSaved, onConflict }: CaseFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const citizen = detail.citizen;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<ContactDraft>(() => draftOf(citizen));
  const editButton = useRef<HTMLButtonElement>(null);
  const fields = useMemo(() => contactFieldMap('contact', t), [t]);
  const form = useFormState(fields, onConflict);
  const checkBody = useSchemaCheck(fields);
  const notify = useNotify();

  const close = (): void => {
    setEditing(false);
    form.clear();
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const body = { ...contactInputOf(draft), version: citizen.version };
    if (!form.check(checkBody(ContactBody, body, checkContact(draft, t)))) return;
    void form
      .send(async () => {
        onSaved(await updateContact(api, detail.id, body));
      })
      .then((ok) => {
        if (!ok) return;
        close();
        notify(t('contact.saved'));
      });
  };

  if (editing) {
    return (
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="contact-heading">
        <ErrorSummary
          id="contact-errors"
          heading={t('form.errorHeading')}
          problems={form.problems}
          attempt={form.attempt}
        />
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

  const rows = [
    { key: 'address', label: t('contact.address'), value: citizen.address ?? t('common.none') },
    { key: 'phone', label: t('contact.phone'), value: citizen.phone ?? t('common.none') },
    { key: 'email', label: t('contact.email'), value: citizen.email ?? t('common.none') },
    { key: 'channel', label: t('contact.channel'), value: t(`vocabulary.contactChannel.${citizen.contact_channel}`) },
    { key: 'language', label: t('contact.language'), value: languageName(citizen.language, language) },
    {
      key: 'interpreter',
      label: t('contact.interpreterShort'),
      value: citizen.interpreter_needed ? t('common.yes') : t('common.no'),
    },
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
