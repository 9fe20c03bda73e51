// The DKFDS mobile drawer: below 992 px the header hides the municipality, the user and
// "Log af"; the menu button opens this dialog with them. Focus stays inside while it is open.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';

const DESKTOP = '(min-width: 992px)';
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), [tabindex="0"]';

interface MobileMenuProps {
  onClose: () => void;
  children: ReactNode;
}

function trapTab(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (first === undefined || last === undefined) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

export function MobileMenu({ onClose, children }: MobileMenuProps) {
  const { t } = useTranslation();
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeButton.current?.focus();
    document.body.classList.add('mobile-nav-active');
    // Growing past the breakpoint hides the drawer's content; close it rather than leave an empty panel.
    const desktop = window.matchMedia(DESKTOP);
    const onResize = (): void => {
      if (desktop.matches) onClose();
    };
    desktop.addEventListener('change', onResize);
    return () => {
      document.body.classList.remove('mobile-nav-active');
      desktop.removeEventListener('change', onResize);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    trapTab(event);
  };

  return (
    <>
      <div
        className="mobile-drawer is-visible"
        role="dialog"
        aria-modal="true"
        aria-labelledby="menu-heading"
        onKeyDown={onKeyDown}
      >
        <div className="menu-top">
          <h2 id="menu-heading" className="menu-heading">
            {t('header.menuHeading')}
          </h2>
          <button
            ref={closeButton}
            type="button"
            className="function-link button-menu-close js-menu-close"
            aria-label={t('header.closeLabel')}
            onClick={onClose}
          >
            <Icon name="close" />
            {t('header.close')}
          </button>
        </div>
        {children}
      </div>
      <div className="overlay is-visible" onClick={onClose} />
    </>
  );
}
