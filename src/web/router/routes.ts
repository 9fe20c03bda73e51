// The app's routes. Pure: a pathname in, a route out.
export type Route =
  | { name: 'start' }
  | { name: 'login' }
  | { name: 'workQueue' }
  | { name: 'caseSearch' }
  | { name: 'registerCitizen' }
  | { name: 'case'; caseId: string }
  | { name: 'team' }
  | { name: 'notFound'; path: string };

export const PATHS = {
  start: '/',
  login: '/login',
  workQueue: '/arbejdsko',
  caseSearch: '/sager',
  registerCitizen: '/sager/ny',
  team: '/team',
} as const;

const CASE_PATH = /^\/sager\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The address of one case's page. */
export function casePath(caseId: string): string {
  return `${PATHS.caseSearch}/${caseId}`;
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
  return { name: 'notFound', path: pathname };
}
