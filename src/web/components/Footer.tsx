// DKFDS footer with what Medspiller is and the language switcher below it.
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher.js';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer>
      <div className="footer">
        <div className="container">
          <div className="align-text-left">
            <h2 className="h5">{t('footer.heading')}</h2>
            <p>{t('footer.about')}</p>
            <p>{t('footer.license')}</p>
          </div>
        </div>
      </div>
      <LanguageSwitcher />
    </footer>
  );
}
