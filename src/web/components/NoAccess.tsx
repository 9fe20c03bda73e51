// A page the user's roles do not reach.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert.js';
import { Page } from './Page.js';

export function NoAccess({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <Alert variant="warning" heading={t('common.noAccessHeading')} announce={false}>
        <p>{t('common.noAccessText')}</p>
      </Alert>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
