// Filter and paging state kept in the address's query string, so a reload or a shared link
// shows the same list. Each route declares which parameters it keeps (validateSearch in
// router.tsx); a page reads and writes them through its own pure parse module. Changing them
// replaces the history entry and keeps focus where the user is.
import { useLocation, useNavigate } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';

export function useSearchParams(): [URLSearchParams, (next: URLSearchParams) => void] {
  const searchStr = useLocation({ select: (location) => location.searchStr });
  const navigate = useNavigate();
  const params = useMemo(() => new URLSearchParams(searchStr), [searchStr]);
  const update = useCallback(
    (next: URLSearchParams) => {
      // The route's validateSearch keeps only the parameters it declares.
      void navigate({ to: '.', search: Object.fromEntries(next) as never, replace: true, resetScroll: false });
    },
    [navigate],
  );
  return [params, update];
}
