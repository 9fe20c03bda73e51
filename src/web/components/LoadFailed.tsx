// What a page shows when its data could not be loaded: the server's message, or a plain one.
import { useTranslation } from 'react-i18next';
import { readableError, type ApiError } from '../api/client.js';
import { Alert } from './Alert.js';

export function LoadFailed({
  error,
  onRetry,
  headingLevel = 2,
}: {
  error: ApiError;
  onRetry: () => void;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  return (
    <Alert variant="error" heading={t('common.loadFailed')} headingLevel={headingLevel}>
      <p>{readableError(error) === null ? t('common.tryAgainLater') : error.message}</p>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </Alert>
  );
}
