// The app's addresses as a typed TanStack Router tree. Paths are Danish: the address is part
// of the UI. Pages a logged-in user reaches sit under `signedIn`, which sends others to the
// login page; the experiment pages and the case page's sections load on demand.
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  redirect,
} from '@tanstack/react-router';
import type { SessionBody } from './api/session.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { StartPage } from './pages/StartPage.js';
import { Shell } from './Shell.js';

export interface RouterContext {
  queryClient: QueryClient;
  /** Read at each navigation, not captured: see latestSession(). */
  session: () => SessionBody;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An id that cannot exist is a page that does not exist, before any request is made. */
function uuidParam<K extends string>(name: K) {
  return (params: Record<K, string>): Record<K, string> => {
    // TanStack Router's way to stop a match is to throw its own notFound() and redirect() values.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (!UUID.test(params[name])) throw notFound();
    return params;
  };
}

/** Query-string values as plain strings: unknown keys are dropped, each page reads its own. */
function strings<K extends string>(...names: K[]) {
  return (search: Record<string, unknown>): Partial<Record<K, string>> => {
    const kept: Partial<Record<K, string>> = {};
    for (const name of names) {
      const value = search[name];
      if (typeof value === 'string' && value !== '') kept[name] = value;
      else if (typeof value === 'number') kept[name] = String(value);
    }
    return kept;
  };
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Shell,
  notFoundComponent: NotFoundPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  beforeLoad: ({ context }) => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (context.session().user !== null) throw redirect({ to: '/', replace: true });
  },
  component: LoginPage,
});

const signedIn = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signedIn',
  beforeLoad: ({ context }) => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (context.session().user === null) throw redirect({ to: '/login', replace: true });
  },
});

const startRoute = createRoute({ getParentRoute: () => signedIn, path: '/', component: StartPage });

const workQueueRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'arbejdsko',
  validateSearch: strings('omfang', 'regel', 'spor', 'status', 'side', 'sortering', 'orden'),
  component: lazyRouteComponent(() => import('./pages/queue/WorkQueuePage.js'), 'WorkQueuePage'),
});

const caseSearchRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'sager',
  validateSearch: strings('q', 'status', 'sortering', 'side'),
  component: lazyRouteComponent(() => import('./pages/cases/CaseSearchPage.js'), 'CaseSearchPage'),
});

const registerRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'sager/ny',
  component: lazyRouteComponent(() => import('./pages/cases/RegisterCitizenPage.js'), 'RegisterCitizenPage'),
});

const caseRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'sager/$caseId',
  params: { parse: uuidParam('caseId') },
  component: lazyRouteComponent(() => import('./pages/cases/CaseLayout.js'), 'CaseLayout'),
});

const caseOverviewRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./pages/cases/sections/OverviewSection.js'), 'OverviewSection'),
});
const caseConversationRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: 'registrer',
  validateSearch: strings('type', 'kind'),
  component: lazyRouteComponent(() => import('./pages/cases/sections/EventSection.js'), 'EventSection'),
});
const caseVisitationRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: 'visitation',
  component: lazyRouteComponent(() => import('./pages/cases/sections/VisitationSection.js'), 'VisitationSection'),
});
const caseTimelineRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: 'tidslinje',
  validateSearch: strings('type', 'side'),
  component: lazyRouteComponent(() => import('./pages/cases/sections/TimelineSection.js'), 'TimelineSection'),
});
const caseStatusRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: 'status',
  component: lazyRouteComponent(() => import('./pages/cases/sections/StatusSection.js'), 'StatusSection'),
});
const caseContactRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: 'kontakt',
  component: lazyRouteComponent(() => import('./pages/cases/sections/ContactSection.js'), 'ContactSection'),
});
const caseReassignRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: 'sagsbehandler',
  component: lazyRouteComponent(() => import('./pages/cases/sections/ReassignSection.js'), 'ReassignSection'),
});
const caseCloseRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: 'luk',
  component: lazyRouteComponent(() => import('./pages/cases/sections/CloseSection.js'), 'CloseSection'),
});

const teamRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'team',
  component: lazyRouteComponent(() => import('./pages/team/TeamPage.js'), 'TeamPage'),
});

const adminRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'administration',
  component: lazyRouteComponent(() => import('./pages/admin/AdminPage.js'), 'AdminPage'),
});
const adminUsersRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'administration/brugere',
  component: lazyRouteComponent(() => import('./pages/admin/UsersPage.js'), 'UsersPage'),
});
const adminRulesRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'administration/regler',
  component: lazyRouteComponent(() => import('./pages/admin/RulesPage.js'), 'RulesPage'),
});
const adminAccessLogRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'administration/adgangslog',
  component: lazyRouteComponent(() => import('./pages/admin/AccessLogPage.js'), 'AccessLogPage'),
});

// A citizen's own page; the start page leads there (see StartPage's areas).
const myPageRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'min-side',
  component: lazyRouteComponent(() => import('./pages/citizen/MyPage.js'), 'MyPage'),
});

const passwordRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'adgangskode',
  component: lazyRouteComponent(() => import('./pages/account/PasswordPage.js'), 'PasswordPage'),
});

const experimentsRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'forsoeg',
  component: lazyRouteComponent(() => import('./pages/experiments/ExperimentsPage.js'), 'ExperimentsPage'),
});
const newExperimentRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'forsoeg/ny',
  component: lazyRouteComponent(() => import('./pages/experiments/DesignPage.js'), 'NewDesignPage'),
});
const experimentRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'forsoeg/$experimentId',
  params: { parse: uuidParam('experimentId') },
  component: lazyRouteComponent(() => import('./pages/experiments/ExperimentPage.js'), 'ExperimentPage'),
});
const editExperimentRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'forsoeg/$experimentId/ret',
  params: { parse: uuidParam('experimentId') },
  component: lazyRouteComponent(() => import('./pages/experiments/DesignPage.js'), 'EditDesignPage'),
});
const reportRoute = createRoute({
  getParentRoute: () => signedIn,
  path: 'forsoeg/$experimentId/rapport',
  params: { parse: uuidParam('experimentId') },
  validateSearch: strings('indsats', 'kontrol'),
  component: lazyRouteComponent(() => import('./pages/experiments/ReportPage.js'), 'ReportPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  signedIn.addChildren([
    startRoute,
    workQueueRoute,
    caseSearchRoute,
    registerRoute,
    caseRoute.addChildren([
      caseOverviewRoute,
      caseConversationRoute,
      caseVisitationRoute,
      caseTimelineRoute,
      caseStatusRoute,
      caseContactRoute,
      caseReassignRoute,
      caseCloseRoute,
    ]),
    teamRoute,
    adminRoute,
    adminUsersRoute,
    adminRulesRoute,
    adminAccessLogRoute,
    myPageRoute,
    passwordRoute,
    experimentsRoute,
    newExperimentRoute,
    experimentRoute,
    editExperimentRoute,
    reportRoute,
  ]),
]);

/** Query strings as plain `a=b&c=d`, not JSON, so addresses stay readable and shareable. */
function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}

function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (typeof value === 'string' && value !== '') params.set(key, value);
    else if (typeof value === 'number') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function createAppRouter(context: RouterContext) {
  return createRouter({
    routeTree,
    context,
    parseSearch,
    stringifySearch,
    trailingSlash: 'never',
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/history' {
  interface HistoryState {
    /** Set by "Log af", so the login page can confirm it; gone after a reload. */
    loggedOut?: boolean;
  }
}

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
