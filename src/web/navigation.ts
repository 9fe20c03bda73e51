// The app's areas and who reaches them: the header's menu and the start page are built from
// this one list, so a role never sees a link whose every request would be refused.
import type { LinkOptions } from '@tanstack/react-router';
import type { SessionUser } from './api/session.js';
import { hasAnyRole, type Role } from './roles.js';

export type AreaKey =
  'start' | 'workQueue' | 'cases' | 'register' | 'team' | 'experiments' | 'administration' | 'myPage';

export interface Area {
  key: AreaKey;
  link: LinkOptions;
  roles: readonly Role[];
  /** Shown in the header's menu; the rest only on the start page. */
  inMenu: boolean;
}

export const AREAS: readonly Area[] = [
  { key: 'start', link: { to: '/' }, roles: [], inMenu: true },
  { key: 'workQueue', link: { to: '/arbejdsko' }, roles: ['caseworker', 'team_leader'], inMenu: true },
  { key: 'cases', link: { to: '/sager' }, roles: ['caseworker', 'company_consultant', 'team_leader'], inMenu: true },
  { key: 'register', link: { to: '/sager/ny' }, roles: ['caseworker', 'team_leader'], inMenu: true },
  { key: 'team', link: { to: '/team' }, roles: ['team_leader', 'municipality_admin'], inMenu: true },
  {
    key: 'experiments',
    link: { to: '/forsoeg' },
    roles: ['analyst', 'municipality_admin', 'team_leader', 'caseworker', 'company_consultant'],
    inMenu: true,
  },
  { key: 'administration', link: { to: '/administration' }, roles: ['municipality_admin'], inMenu: true },
  { key: 'myPage', link: { to: '/min-side' }, roles: ['citizen'], inMenu: true },
];

/** The areas a user reaches; `start` (no roles listed) is everyone's. */
export function areasFor(user: SessionUser): Area[] {
  return AREAS.filter((area) => area.roles.length === 0 || hasAnyRole(user, area.roles));
}

/** The area a path belongs to, for marking the menu: the longest matching prefix wins. */
export function areaOf(pathname: string, areas: readonly Area[]): AreaKey | null {
  let best: Area | null = null;
  let bestLength = -1;
  for (const area of areas) {
    const to = String(area.link.to);
    const matches = to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
    if (matches && to.length > bestLength) {
      best = area;
      bestLength = to.length;
    }
  }
  return best?.key ?? null;
}

/**
 * For a menu's links: only the link to this very page is marked as the current page. By default
 * the router marks every link whose path begins the address ("Sager" on a case, "Overblik" on
 * each of the case's sections) with aria-current="page", over the menu's own marking.
 */
export const EXACT_MATCH = { exact: true, includeSearch: false } as const;
