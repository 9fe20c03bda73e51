// The app's routes. Pure: a pathname in, a route out.
export type Route = { name: 'start' } | { name: 'login' } | { name: 'notFound'; path: string };

export const PATHS = { start: '/', login: '/login' } as const;

/** A trailing slash is ignored ("/login/" is "/login"); case is not. */
export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '');
  if (path === '') return { name: 'start' };
  if (path === PATHS.login) return { name: 'login' };
  return { name: 'notFound', path: pathname };
}

