// The app's routes. Pure: a pathname in, a route out.
export type Route =
  | { name: 'start' }
  | { name: 'login' }
  | { name: 'workQueue' }
  | { name: 'caseSearch' }
  | { name: 'registerCitizen' }
  | { name: 'case'; caseId: string }
  | { name: 'team' }
  | { name: 'experiments' }
  | { name: 'newExperiment' }
  | { name: 'experiment'; experimentId: string }
  | { name: 'editExperiment'; experimentId: string }
  | { name: 'experimentReport'; experimentId: string }
  | { name: 'notFound'; path: string };

export type ExperimentRoute = Extract<
  Route,
  { name: 'experiments' | 'newExperiment' | 'experiment' | 'editExperiment' | 'experimentReport' }
>;

export const PATHS = {
  start: '/',
  login: '/login',
  workQueue: '/arbejdsko',
  caseSearch: '/sager',
  registerCitizen: '/sager/ny',
  team: '/team',
  experiments: '/forsoeg',
  newExperiment: '/forsoeg/ny',
} as const;

const CASE_PATH = /^\/sager\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The address of one case's page. */
export function casePath(caseId: string): string {
  return `${PATHS.caseSearch}/${caseId}`;
}

const EXPERIMENT_PATH = /^\/forsoeg\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\/ret|\/rapport)?$/;

/** The address of one experiment's page. */
export function experimentPath(experimentId: string): string {
  return `${PATHS.experiments}/${experimentId}`;
}

/** Where a draft design is changed. */
export function editExperimentPath(experimentId: string): string {
  return `${experimentPath(experimentId)}/ret`;
}

export function experimentReportPath(experimentId: string): string {
  return `${experimentPath(experimentId)}/rapport`;
}

export function isExperimentRoute(route: Route): route is ExperimentRoute {
  return (
    route.name === 'experiments' ||
    route.name === 'newExperiment' ||
    route.name === 'experiment' ||
    route.name === 'editExperiment' ||
    route.name === 'experimentReport'
  );
}

function matchExperiment(path: string): Route | null {
  if (path === PATHS.experiments) return { name: 'experiments' };
  if (path === PATHS.newExperiment) return { name: 'newExperiment' };
  const match = EXPERIMENT_PATH.exec(path);
  const experimentId = match?.[1];
  if (experimentId === undefined) return null;
  if (match?.[2] === '/ret') return { name: 'editExperiment', experimentId };
  if (match?.[2] === '/rapport') return { name: 'experimentReport', experimentId };
  return { name: 'experiment', experimentId };
}

/** A trailing slash is ignored ("/login/" is "/login"); case is not. */
export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '');
  if (path === '') return { name: 'start' };
  if (path === PATHS.login) return { name: 'login' };
  if (path === PATHS.workQueue) return { name: 'workQueue' };
  if (path === PATHS.caseSearch) return { name: 'caseSearch' };
  if (path === PATHS.registerCitizen) return { name: 'registerCitizen' };
  if (path === PATHS.team) return { name: 'team' };
  const caseMatch = CASE_PATH.exec(path);
  if (caseMatch?.[1] !== undefined) return { name: 'case', caseId: caseMatch[1] };
  const experiment = matchExperiment(path);
  if (experiment !== null) return experiment;
  return { name: 'notFound', path: pathname };
}
