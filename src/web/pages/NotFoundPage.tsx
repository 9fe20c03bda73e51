import { useTranslation } from 'react-i18next';
import { Page } from '../components/Page.js';
import { Link } from '../router/Link.js';

export function NotFoundPage({ path }: { path: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p className="font-lead">{t('notFound.text', { path })}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
