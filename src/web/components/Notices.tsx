// Confirmations after a save ("Borgeren er registreret"): a DKFDS success alert at the top of
// the page the user lands on, focused so a screen reader reads it and a keyboard user starts
// from there. It stays until the user goes to another page.
import { useLocation } from '@tanstack/react-router';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { noticeTookFocus } from '../shell/navigated.js';
import { Alert } from './Alert.js';

interface Notice {
  id: number;
  heading: string;
  text?: string;
  /** The page it belongs to. */
  pathname: string;
}

interface NoticeContextValue {
  notice: Notice | null;
  dismiss: () => void;
  /** Shows a confirmation on the page the app is on: after a save that moves on, call it once `navigate()` has resolved. */
  notify: (heading: string, text?: string) => void;
}

const NoticeContext = createContext<NoticeContextValue | null>(null);

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const counter = useRef(0);
  const notify = useCallback((heading: string, text?: string) => {
    counter.current += 1;
    // Claimed at once: a section that appears after this (its case still loading) leaves focus here.
    noticeTookFocus();
    setNotice({ id: counter.current, heading, text, pathname: window.location.pathname });
  }, []);
  const dismiss = useCallback(() => {
    setNotice(null);
  }, []);
  const value = useMemo(() => ({ notice, notify, dismiss }), [notice, notify, dismiss]);
  return <NoticeContext.Provider value={value}>{children}</NoticeContext.Provider>;
}

export function useNotify(): (heading: string, text?: string) => void {
  const value = useContext(NoticeContext);
  if (value === null) throw new Error('useNotify outside NoticeProvider');
  return value.notify;
}

/** Where the notice shows: first in the page's main area, until the user leaves that page. */
export function NoticeArea() {
  const value = useContext(NoticeContext);
  const pathname = useLocation({ select: (location) => location.pathname });
  const box = useRef<HTMLDivElement>(null);
  const notice = value?.notice ?? null;
  const id = notice?.id;
  const dismiss = value?.dismiss;
  useEffect(() => {
    if (notice !== null && notice.pathname !== pathname) dismiss?.();
  }, [notice, pathname, dismiss]);
  useEffect(() => {
    if (id === undefined) return;
    // After the new page has moved focus to its heading: the confirmation comes first.
    const frame = requestAnimationFrame(() => box.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [id]);
  if (notice === null || notice.pathname !== pathname) return null;
  return (
    <div ref={box} tabIndex={-1} className="notice" data-notice={notice.id}>
      <Alert variant="success" heading={notice.heading} announce={false}>
        {notice.text !== undefined && <p>{notice.text}</p>}
      </Alert>
    </div>
  );
}
