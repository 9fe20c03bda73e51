// One section of the case page: its heading takes focus when the user comes to it, and the
// document title names the section and the citizen.
import { useLocation } from '@tanstack/react-router';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { headingTakesFocus } from '../../../shell/navigated.js';
import { useCase } from '../CaseContext.js';

export function CaseSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { detail } = useCase();
  const pathname = useLocation({ select: (location) => location.pathname });
  const heading = useRef<HTMLHeadingElement>(null);
  const name = detail.citizen.name;

  useEffect(() => {
    document.title = t('app.documentTitle', { page: `${title} – ${name}` });
  }, [t, title, name]);

  useEffect(() => {
    if (headingTakesFocus()) heading.current?.focus();
  }, [pathname]);

  return (
    <section className="case-section" aria-labelledby={`${id}-heading`} data-section={id}>
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
