// The parts every DKFDS form field shares: label text with "(frivilligt)", help text, error message.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/index.js';

export interface FieldTexts {
  id: string;
  helpText?: string | undefined;
  error?: string | undefined;
}

/** The ids an input's aria-describedby should name, or undefined when there are none. */
export function describedBy({ id, helpText, error }: FieldTexts): string | undefined {
  const ids = [helpText !== undefined ? `${id}-help` : null, error !== undefined ? `${id}-error` : null].filter(
    (part) => part !== null,
  );
  return ids.length === 0 ? undefined : ids.join(' ');
}

export function groupClass(error: string | undefined, extra = ''): string {
  return ['form-group', error === undefined ? '' : 'form-error', extra].filter((part) => part !== '').join(' ');
}

/** The help text with the field's limit said after it ("Højst 200 tegn."), so it is known before typing. */
export function useLimitHint(helpText: string | undefined, characterLimit: number | undefined): string | undefined {
  const { t } = useTranslation();
  const language = useLanguage();
  if (characterLimit === undefined) return helpText;
  const limit = t('characterLimit.hint', { max: formatNumber(characterLimit, language) });
  return helpText === undefined ? limit : `${helpText} ${limit}`;
}

export function OptionalMark({ optional }: { optional: boolean | undefined }) {
  const { t } = useTranslation();
  if (optional !== true) return null;
  return <span className="weight-normal"> {t('form.optional')}</span>;
}

export function HelpAndError({ id, helpText, error }: FieldTexts) {
  const { t } = useTranslation();
  return (
    <>
      {helpText !== undefined && (
        <span className="form-hint" id={`${id}-help`}>
          {helpText}
        </span>
      )}
      {error !== undefined && (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="sr-only">{t('alert.errorPrefix')} </span>
          {error}
        </span>
      )}
    </>
  );
}
