// Filter and paging state kept in the address's query string, so a reload or a shared link
// shows the same list. Changing it replaces the history entry without counting as a
// navigation, so focus stays where the user is (Page moves focus to h1 only on navigation).
import { useCallback, useState } from 'react';
import { useLocation } from '../router/history.js';

export function useSearchParams(): [URLSearchParams, (next: URLSearchParams) => void] {
  const location = useLocation();
  const [params, setParams] = useState(() => new URLSearchParams(location.search));
  const [seen, setSeen] = useState(location.key);
  // A real navigation (a link, back/forward) brings its own query string.
  if (seen !== location.key) {
    setSeen(location.key);
    setParams(new URLSearchParams(location.search));
  }
  const update = useCallback((next: URLSearchParams) => {
    const query = next.toString();
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${query === '' ? '' : `?${query}`}`,
    );
    setParams(new URLSearchParams(next));
  }, []);
  return [params, update];
}
