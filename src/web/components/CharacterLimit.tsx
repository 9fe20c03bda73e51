// DKFDS character limit ("tegnbegrænsning") under a long text: the characters left, or how many
// too many, seen at once and told to screen readers politely once typing pauses. The field is
// never cut short: going over is shown here and stopped by the form's check on submit.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { characterCount } from '../forms/validate.js';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/index.js';

/** How long typing must pause before the count is read out, as DKFDS does. */
const ANNOUNCE_AFTER_MS = 1000;

export const limitMessageId = (id: string): string => `${id}-limit-message`;

interface CharacterLimitProps {
  /** Id of the field the count is about. */
  id: string;
  limit: number;
  value: string;
}

export function CharacterLimit({ id, limit, value }: CharacterLimitProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const left = limit - characterCount(value);
  const count = Math.abs(left);
  const formatted = formatNumber(count, language);
  const message =
    left >= 0 ? t('characterLimit.left', { count, formatted }) : t('characterLimit.over', { count, formatted });
  const [announced, setAnnounced] = useState(message);
  useEffect(() => {
    // Only the person typing in the field hears it; a form reset elsewhere stays silent.
    const timer = window.setTimeout(() => {
      if (document.activeElement?.id === id) setAnnounced(message);
    }, ANNOUNCE_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [id, message]);
  return (
    <>
      <span id={limitMessageId(id)} className="sr-only">
        {t('characterLimit.description', { max: formatNumber(limit, language) })}
      </span>
      <span
        className={left < 0 ? 'form-hint character-limit limit-exceeded' : 'form-hint character-limit'}
        aria-hidden="true"
      >
        {message}
      </span>
      <span className="character-limit-sr-only sr-only" aria-live="polite">
        {announced}
      </span>
    </>
  );
}
