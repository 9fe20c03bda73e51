// DKFDS solution header: "Medspiller" links home; the municipality, the user and "Log af" sit on
// the right on wide screens and in the mobile drawer on narrow ones.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionBody } from '../api/session.js';
import { knownRoles } from '../roles.js';
import { Link } from '../router/Link.js';
import { Icon } from './Icon.js';
import { MobileMenu } from './MobileMenu.js';

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
                  <p>{logOutButton}</p>
                </>
              )}
            </div>
          )}
        </div>
      </div>
      {menuOpen && user !== null && (
        <MobileMenu onClose={closeMenu}>
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
            <p>{logOutButton}</p>
          </div>
        </MobileMenu>
      )}
    </header>
  );
}
