// The citizen's contact details as form fields, shared by registration and the case page.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CITIZEN_LANGUAGES, CONTACT_CHANNELS, type ContactChannel } from '../../../core/vocabulary.js';
import type { CitizenBody, RegisterBody } from '../../api/cases.js';
import { CheckboxField } from '../../components/CheckboxField.js';
import { SelectField } from '../../components/SelectField.js';
import { TextField } from '../../components/TextField.js';
import { limitsOf } from '../../forms/limits.js';
import { ContactBody } from '../../forms/schemas.js';
import type { FieldMap } from '../../hooks/problems.js';
import { languageName } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';

export interface ContactDraft {
  name: string;
  address: string;
  phone: string;
  email: string;
  contact_channel: ContactChannel;
  language: string;
  interpreter_needed: boolean;
}

export const EMPTY_CONTACT: ContactDraft = {
  name: '',
  address: '',
  phone: '',
  email: '',
  contact_channel: 'phone',
  language: 'da',
  interpreter_needed: false,
};

/** The contact details as both registration and a change of them send them. */
export type ContactInput = Pick<
  RegisterBody,
  'name' | 'address' | 'phone' | 'email' | 'contact_channel' | 'language' | 'interpreter_needed'
>;

export function draftOf(citizen: CitizenBody): ContactDraft {
  return {
    name: citizen.name,
    address: citizen.address ?? '',
    phone: citizen.phone ?? '',
    email: citizen.email ?? '',
    contact_channel: citizen.contact_channel,
    language: citizen.language,
    interpreter_needed: citizen.interpreter_needed,
  };
}

const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export function contactInputOf(draft: ContactDraft): ContactInput {
  return {
    name: draft.name.trim(),
    address: blankToNull(draft.address),
    phone: blankToNull(draft.phone),
    email: blankToNull(draft.email),
    contact_channel: draft.contact_channel,
    language: draft.language,
    interpreter_needed: draft.interpreter_needed,
  };
}

const PHONE = /^[0-9 +()-]*$/;
const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** What is missing or malformed, by API field name (the server checks the same). */
export function checkContact(draft: ContactDraft, t: TFunction): Record<string, string> {
  const found: Record<string, string> = {};
  if (draft.name.trim() === '') found.name = t('contact.errors.name');
  if (!PHONE.test(draft.phone.trim())) found.phone = t('contact.errors.phone');
  if (draft.email.trim() !== '' && !EMAIL.test(draft.email.trim())) found.email = t('contact.errors.email');
  return found;
}

export function contactFieldMap(idPrefix: string, t: TFunction): FieldMap {
  return {
    name: { id: `${idPrefix}-name`, label: t('contact.name'), subject: t('validation.subjects.name') },
    address: { id: `${idPrefix}-address`, label: t('contact.address'), subject: t('validation.subjects.address') },
    phone: { id: `${idPrefix}-phone`, label: t('contact.phone'), subject: t('validation.subjects.phone') },
    email: { id: `${idPrefix}-email`, label: t('contact.email'), subject: t('validation.subjects.email') },
    contact_channel: { id: `${idPrefix}-channel`, label: t('contact.channel') },
    language: { id: `${idPrefix}-language`, label: t('contact.language') },
    interpreter_needed: { id: `${idPrefix}-interpreter`, label: t('contact.interpreter') },
  };
}

// Registration and a change of contact details share these limits (cases/schema.ts ContactFields).
const LIMIT = {
  name: limitsOf(ContactBody, 'name').maxLength,
  address: limitsOf(ContactBody, 'address').maxLength,
  phone: limitsOf(ContactBody, 'phone').maxLength,
  email: limitsOf(ContactBody, 'email').maxLength,
};

interface ContactFieldsProps {
  idPrefix: string;
  draft: ContactDraft;
  onChange: (draft: ContactDraft) => void;
  errors: Readonly<Record<string, string>>;
}

export function ContactFields({ idPrefix, draft, onChange, errors }: ContactFieldsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const set = <K extends keyof ContactDraft>(key: K, value: ContactDraft[K]): void => {
    onChange({ ...draft, [key]: value });
  };
  // A language set elsewhere stays selectable even when it is not among the usual ones.
  const languages: string[] = CITIZEN_LANGUAGES.some((code) => code === draft.language)
    ? [...CITIZEN_LANGUAGES]
    : [...CITIZEN_LANGUAGES, draft.language];
  return (
    <>
      <TextField
        id={`${idPrefix}-name`}
        label={t('contact.name')}
        autoComplete="off"
        width="input-width-xl"
        characterLimit={LIMIT.name}
        value={draft.name}
        error={errors.name}
        onChange={(event) => {
          set('name', event.target.value);
        }}
      />
      <TextField
        id={`${idPrefix}-address`}
        label={`${t('contact.address')} ${t('form.optional')}`}
        autoComplete="off"
        width="input-width-xl"
        characterLimit={LIMIT.address}
        value={draft.address}
        error={errors.address}
        onChange={(event) => {
          set('address', event.target.value);
        }}
      />
      <TextField
        id={`${idPrefix}-phone`}
        type="tel"
        label={`${t('contact.phone')} ${t('form.optional')}`}
        autoComplete="off"
        width="input-width-m"
        characterLimit={LIMIT.phone}
        value={draft.phone}
        error={errors.phone}
        onChange={(event) => {
          set('phone', event.target.value);
        }}
      />
      <TextField
        id={`${idPrefix}-email`}
        type="email"
        label={`${t('contact.email')} ${t('form.optional')}`}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        width="input-width-l"
        characterLimit={LIMIT.email}
        value={draft.email}
        error={errors.email}
        onChange={(event) => {
          set('email', event.target.value);
        }}
      />
      <SelectField
        id={`${idPrefix}-channel`}
        label={t('contact.channel')}
        helpText={t('contact.channelHelp')}
        value={draft.contact_channel}
        error={errors.contact_channel}
        options={CONTACT_CHANNELS.map((value) => ({ value, label: t(`vocabulary.contactChannel.${value}`) }))}
        onChange={(event) => {
          set('contact_channel', CONTACT_CHANNELS.find((value) => value === event.target.value) ?? 'phone');
        }}
      />
      <SelectField
        id={`${idPrefix}-language`}
        label={t('contact.language')}
        value={draft.language}
        error={errors.language}
        options={languages.map((code) => ({ value: code, label: languageName(code, language) }))}
        onChange={(event) => {
          set('language', event.target.value);
        }}
      />
      <CheckboxField
        id={`${idPrefix}-interpreter`}
        label={t('contact.interpreter')}
        checked={draft.interpreter_needed}
        onChange={(checked) => {
          set('interpreter_needed', checked);
        }}
      />
    </>
  );
}
