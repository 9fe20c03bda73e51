// DKFDS solution header: "Medspiller" links home; the municipality, the user and "Log af" sit on
// the right on wide screens, the role's areas in the navigation bar below. On narrow screens
// all of it moves into the mobile drawer.
import { Link, useLocation } from '@tanstack/react-router';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionBody, SessionUser } from '../api/session.js';
import { areaOf, areasFor, EXACT_MATCH } from '../navigation.js';
import { knownRoles } from '../roles.js';
import { Icon } from './Icon.js';
import { MobileMenu } from './MobileMenu.js';

function MainMenu({
  user,
  variant,
  onChoose,
}: {
  user: SessionUser;
  variant: 'desktop' | 'mobile';
  onChoose?: () => void;
}) {
  const { t } = useTranslation();
  const pathname = useLocation({ select: (location) => location.pathname });
  const areas = areasFor(user).filter((area) => area.inMenu);
  const current = areaOf(pathname, areas);
  const list = (
    <ul className="mainmenu">
      {areas.map((area) => {
        const here = area.key === current;
        const exact = here && pathname === String(area.link.to);
        return (
          <li key={area.key} className={here ? (exact ? 'active current' : 'active') : undefined}>
            <Link
              {...area.link}
              activeOptions={EXACT_MATCH}
              className="nav-link"
              aria-current={exact ? 'page' : here ? 'true' : undefined}
              onClick={onChoose}
            >
              <span>{t(`nav.${area.key}`)}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
  if (variant === 'mobile') {
    return (
      <nav className="navigation-menu-mobile" aria-label={t('nav.label')}>
        {list}
      </nav>
    );
  }
  return (
    <div className="navigation-menu">
      <div className="navigation-menu-inner container">
        <nav className="nav" aria-label={t('nav.label')}>
          {list}
        </nav>
      </div>
    </div>
  );
}

interface HeaderProps {
  session: SessionBody;
  loggingOut: boolean;
  onLogOut: () => void;
}

export function Header({ session, loggingOut, onLogOut }: HeaderProps) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const { user, municipality } = session;

  const closeMenu = useCallback(() => {
    setMenuOpen(false);
    menuButton.current?.focus();
  }, []);

  // One role is worth naming next to the user; a list of several would crowd the header.
  const roles = user === null ? [] : knownRoles(user.roles);
  const [onlyRole] = roles;
  const roleName = roles.length === 1 && onlyRole !== undefined ? t(`start.roles.${onlyRole}.name`) : '';
  const passwordLink = (onChoose?: () => void) => (
    <Link to="/adgangskode" className="function-link change-password d-print-none" onClick={onChoose}>
      {t('header.changePassword')}
    </Link>
  );
  const logOutButton = (
    <button type="button" className="function-link log-off d-print-none" onClick={onLogOut} aria-disabled={loggingOut}>
      <Icon name="lock" />
      {loggingOut ? t('header.loggingOut') : t('header.logOut')}
    </button>
  );

  return (
    <header className="header">
      <div className="solution-info">
        <div className="solution-info-inner container">
          <div className="solution-heading">
            <Link to="/" aria-label={t('header.homeLabel')}>
              {t('app.name')}
            </Link>
          </div>
          {user !== null && (
            <button
              ref={menuButton}
              type="button"
              className="function-link button-menu-open js-menu-open ml-auto d-print-none"
              aria-haspopup="dialog"
              aria-expanded={menuOpen}
              onClick={() => {
                setMenuOpen(true);
              }}
            >
              <Icon name="menu" />
              {t('header.menu')}
            </button>
          )}
          {(municipality !== null || user !== null) && (
            <div className="additional-info">
              {municipality !== null && (
                <p>
                  <strong className="authority-name">{municipality.name}</strong>
                </p>
              )}
              {user !== null && (
                <>
                  <p className="user">
                    {user.name}
                    {roleName !== '' && `, ${roleName}`}
                  </p>
                  <p>{passwordLink()}</p>
                  <p>{logOutButton}</p>
                </>
              )}
            </div>
          )}
        </div>
      </div>
      {user !== null && <MainMenu user={user} variant="desktop" />}
      {menuOpen && user !== null && (
        <MobileMenu onClose={closeMenu}>
          <MainMenu user={user} variant="mobile" onChoose={() => setMenuOpen(false)} />
          {municipality !== null && (
            <div className="solution-info-mobile">
              <h3 className="sr-only">{t('header.municipality')}</h3>
              <p>
                <strong className="authority-name">{municipality.name}</strong>
              </p>
            </div>
          )}
          <div className="portal-info-mobile">
            <h3 className="sr-only">{t('header.user')}</h3>
            <p className="user">
              <span>{user.name}</span>
              {roleName !== '' && <span>{roleName}</span>}
            </p>
            <p>{passwordLink(() => setMenuOpen(false))}</p>
            <p>{logOutButton}</p>
          </div>
        </MobileMenu>
      )}
    </header>
  );
}
