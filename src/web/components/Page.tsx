// Every page: sets the document title and, after an in-app navigation, moves focus to the
// page's h1 so screen readers announce the new page (a fresh load keeps the browser's focus).
import { useLocation } from '@tanstack/react-router';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { headingTakesFocus } from '../shell/navigated.js';

interface PageProps {
  title: string;
  children?: ReactNode;
  /** False for a page whose sections have their own addresses and take focus themselves (the case). */
  takesFocus?: boolean;
}

export function Page({ title, children, takesFocus = true }: PageProps) {
  const { t } = useTranslation();
  const pathname = useLocation({ select: (location) => location.pathname });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (takesFocus) document.title = t('app.documentTitle', { page: title });
  }, [t, title, takesFocus]);

  useEffect(() => {
    if (takesFocus && headingTakesFocus()) heading.current?.focus();
  }, [pathname, takesFocus]);

  return (
    <>
      <h1 ref={heading} tabIndex={-1} className="page-heading">
        {title}
      </h1>
      {children}
    </>
  );
}
