// The case's sections as a DKFDS side menu: each is its own address. Sections the user cannot
// use are left out rather than shown and refused.
import { Link, useLocation, type LinkOptions } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseBody } from '../../api/cases.js';
import { EXACT_MATCH } from '../../navigation.js';
import { canClose, canReassign, canWrite } from './caseActions.js';

type SectionKey =
  'overview' | 'record' | 'visitation' | 'timeline' | 'status' | 'contact' | 'caseworker' | 'close' | 'reopen';

interface SectionLink {
  key: SectionKey;
  path: string;
  link: LinkOptions;
}

export function caseSections(detail: CaseBody): SectionLink[] {
  const caseId = detail.id;
  const base = `/sager/${caseId}`;
  const all: (SectionLink | false)[] = [
    { key: 'overview', path: base, link: { to: '/sager/$caseId', params: { caseId } } },
    canWrite(detail) && {
      key: 'record',
      path: `${base}/registrer`,
      link: { to: '/sager/$caseId/registrer', params: { caseId } },
    },
    { key: 'visitation', path: `${base}/visitation`, link: { to: '/sager/$caseId/visitation', params: { caseId } } },
    { key: 'timeline', path: `${base}/tidslinje`, link: { to: '/sager/$caseId/tidslinje', params: { caseId } } },
    { key: 'status', path: `${base}/status`, link: { to: '/sager/$caseId/status', params: { caseId } } },
    { key: 'contact', path: `${base}/kontakt`, link: { to: '/sager/$caseId/kontakt', params: { caseId } } },
    canReassign(detail) && {
      key: 'caseworker',
      path: `${base}/sagsbehandler`,
      link: { to: '/sager/$caseId/sagsbehandler', params: { caseId } },
    },
    canClose(detail) && {
      key: detail.status === 'open' ? 'close' : 'reopen',
      path: `${base}/luk`,
      link: { to: '/sager/$caseId/luk', params: { caseId } },
    },
  ];
  return all.filter((section): section is SectionLink => section !== false);
}

export function CaseSections({ detail }: { detail: CaseBody }) {
  const { t } = useTranslation();
  const pathname = useLocation({ select: (location) => location.pathname });
  return (
    <nav aria-label={t('case.sections.label')} className="case-sections">
      <ul className="sidemenu">
        {caseSections(detail).map((section) => {
          const current = pathname === section.path;
          return (
            <li key={section.key} className={current ? 'active current' : undefined}>
              <Link
                {...section.link}
                activeOptions={EXACT_MATCH}
                className="nav-link"
                aria-current={current ? 'page' : undefined}
              >
                <span>{t(`case.sections.${section.key}`)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
