// The page frame (skip link, header, main, footer) and which page goes in it.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './components/Alert.js';
import { Footer } from './components/Footer.js';
import { Header } from './components/Header.js';
import { MAIN_ID, SkipLink } from './components/SkipLink.js';
import { CaseFlowPage } from './pages/cases/CaseFlowPage.js';
import { LoginPage, LOGGED_OUT_STATE } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { StartPage } from './pages/StartPage.js';
import { navigate, useLocation } from './router/history.js';
import { isExperimentRoute, matchRoute, PATHS, type Route } from './router/routes.js';
import { currentSession, useSession, type SessionState } from './session/SessionContext.js';

// The experiment pages are a third of the app and most users never open them: load on demand.
const ExperimentFlowPage = lazy(async () => ({
  default: (await import('./pages/experiments/ExperimentFlowPage.js')).ExperimentFlowPage,
}));

/** Where a route sends the user instead, given who is logged in; null to show the route. */
function redirectFor(route: Route, loggedIn: boolean): string | null {
  switch (route.name) {
    case 'start':
    case 'workQueue':
    case 'caseSearch':
    case 'registerCitizen':
    case 'case':
    case 'team':
    case 'experiments':
    case 'newExperiment':
    case 'experiment':
    case 'editExperiment':
    case 'experimentReport':
      return loggedIn ? null : PATHS.login;
    case 'login':
      return loggedIn ? PATHS.start : null;
    case 'notFound':
      return null;
  }
}

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="spinner-box">
      <div className="spinner" />
      <div className="spinner-status" role="status">
        {t('app.loading')}
      </div>
    </div>
  );
}

function SessionFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('errors.sessionHeading')}</h1>
      <Alert variant="error">
        <p>{t('errors.sessionText')}</p>
      </Alert>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </>
  );
}

function Content({ state, route, onRetry }: { state: SessionState; route: Route; onRetry: () => void }) {
  if (route.name === 'notFound') return <NotFoundPage path={route.path} />;
  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'failed':
      return <SessionFailed onRetry={onRetry} />;
    case 'ready':
      if (redirectFor(route, state.session.user !== null) !== null) return <Loading />;
      if (route.name === 'login') return <LoginPage />;
      if (route.name === 'start' || state.session.user === null) return <StartPage session={state.session} />;
      if (isExperimentRoute(route)) {
        return (
          <Suspense fallback={<Loading />}>
            <ExperimentFlowPage route={route} user={state.session.user} />
          </Suspense>
        );
      }
      return <CaseFlowPage route={route} user={state.session.user} />;
  }
}

export function App() {
  const { t } = useTranslation();
  const { state, reload, logOut } = useSession();
  const location = useLocation();
  const route = matchRoute(location.pathname);
  const session = currentSession(state);
  const loggedIn = session.user !== null;
  const [loggingOut, setLoggingOut] = useState(false);
  const [logOutFailed, setLogOutFailed] = useState(false);

  useEffect(() => {
    if (state.status !== 'ready') return;
    const target = redirectFor(matchRoute(location.pathname), loggedIn);
    if (target !== null) navigate(target, { replace: true });
  }, [state.status, location.pathname, loggedIn]);

  const onLogOut = useCallback(() => {
    if (loggingOut) return;
    setLoggingOut(true);
    setLogOutFailed(false);
    logOut().then(
      () => {
        setLoggingOut(false);
        navigate(PATHS.login, { state: LOGGED_OUT_STATE });
      },
      () => {
        setLoggingOut(false);
        setLogOutFailed(true);
      },
    );
  }, [loggingOut, logOut]);

  return (
    <>
      <SkipLink />
      <Header session={session} loggingOut={loggingOut} onLogOut={onLogOut} />
      <main id={MAIN_ID} className="container page-container" tabIndex={-1}>
        {logOutFailed && <Alert variant="error" heading={t('errors.logOutFailed')} />}
        <Content state={state} route={route} onRetry={reload} />
      </main>
      <Footer />
    </>
  );
}
