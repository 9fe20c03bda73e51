// DKFDS language switcher: the current language first, marked with a check and aria-current.
// Each language is named in itself ("Dansk", "English") and carries its own lang attribute.
import { useLocation } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, useLanguage } from '../i18n/index.js';
import { LANGUAGES, type Language } from '../i18n/languages.js';
import { Icon } from './Icon.js';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const current = useLanguage();
  const href = useLocation({ select: (location) => location.href });
  const ordered = [current, ...LANGUAGES.filter((language) => language !== current)];

  const choose = (event: MouseEvent<HTMLAnchorElement>, language: Language): void => {
    event.preventDefault();
    void changeLanguage(language);
  };

  return (
    <div className="language-switcher">
      <div className="container">
        <ul aria-label={t('language.label')}>
          {ordered.map((language) => (
            <li key={language}>
              <a
                href={href}
                lang={language}
                hrefLang={language}
                aria-current={language === current ? 'true' : undefined}
                onClick={(event) => {
                  choose(event, language);
                }}
              >
                {language === current && <Icon name="check" />}
                {t(`language.${language}`)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
