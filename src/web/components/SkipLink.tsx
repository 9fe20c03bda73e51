// DKFDS skip link. Moving focus by hand keeps it working even though the router owns clicks.
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const MAIN_ID = 'main-content';

function skip(event: MouseEvent<HTMLAnchorElement>): void {
  const main = document.getElementById(MAIN_ID);
  if (main === null) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skipnav" href={`#${MAIN_ID}`} onClick={skip}>
      {t('skipLink')}
    </a>
  );
}
