// The page frame every route shares: skip link, header with the role's menu, main area with
// confirmations first, footer.
import { Outlet, useNavigate } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './components/Alert.js';
import { Footer } from './components/Footer.js';
import { Header } from './components/Header.js';
import { NoticeArea } from './components/Notices.js';
import { MAIN_ID, SkipLink } from './components/SkipLink.js';
import { currentSession, useSession } from './session/SessionContext.js';

export function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { state, logOut } = useSession();
  const session = currentSession(state);
  const [loggingOut, setLoggingOut] = useState(false);
  const [logOutFailed, setLogOutFailed] = useState(false);

  const onLogOut = useCallback(() => {
    if (loggingOut) return;
    setLoggingOut(true);
    setLogOutFailed(false);
    logOut().then(
      () => {
        setLoggingOut(false);
        void navigate({ to: '/login', state: { loggedOut: true } });
      },
      () => {
        setLoggingOut(false);
        setLogOutFailed(true);
      },
    );
  }, [loggingOut, logOut, navigate]);

  return (
    <>
      <SkipLink />
      <Header session={session} loggingOut={loggingOut} onLogOut={onLogOut} />
      <main id={MAIN_ID} className="container page-container" tabIndex={-1}>
        {logOutFailed && <Alert variant="error" heading={t('errors.logOutFailed')} />}
        <NoticeArea />
        <Outlet />
      </main>
      <Footer />
    </>
  );
}
