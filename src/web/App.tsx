// The app once the session is known: the router, whose guards read the session, and the
// query cache. When the session changes the router checks its guards again.
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createQueryClient } from './api/queries.js';
import { Alert } from './components/Alert.js';
import { NoticeProvider } from './components/Notices.js';
import { Spinner } from './components/Spinner.js';
import { createAppRouter } from './router.js';
import { trackNavigation } from './shell/navigated.js';
import { latestSession, useSession } from './session/SessionContext.js';

const queryClient = createQueryClient();
const router = createAppRouter({ queryClient, session: latestSession });
trackNavigation(router);

function SessionFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="container page-container">
      <h1>{t('errors.sessionHeading')}</h1>
      <Alert variant="error">
        <p>{t('errors.sessionText')}</p>
      </Alert>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </main>
  );
}

export function App() {
  const { t } = useTranslation();
  const { state, reload } = useSession();
  const session = state.status === 'ready' ? state.session : null;
  const [shown, setShown] = useState(session);

  useEffect(() => {
    if (session === null || session === shown) return;
    // Someone else's cached data must not survive a change of user.
    if (shown !== null && shown.user?.id !== session.user?.id) queryClient.clear();
    setShown(session);
    void router.invalidate();
  }, [session, shown]);

  if (state.status === 'failed') return <SessionFailed onRetry={reload} />;
  if (session === null) {
    return (
      <main className="container page-container">
        <Spinner text={t('app.loading')} />
      </main>
    );
  }
  return (
    <QueryClientProvider client={queryClient}>
      <NoticeProvider>
        <RouterProvider router={router} />
      </NoticeProvider>
    </QueryClientProvider>
  );
}
