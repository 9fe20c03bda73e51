// DKFDS breadcrumbs: where the page sits, each step but the last a link.
import { Link, type LinkOptions } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EXACT_MATCH } from '../navigation.js';
import { Icon } from './Icon.js';

export interface Crumb {
  text: string;
  /** Absent for the current page. */
  link?: LinkOptions;
}

export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumbs" aria-label={t('breadcrumbs.label')}>
      <ol className="breadcrumbs__list">
        {items.map((item, index) => (
          <li
            key={`${String(index)}:${item.text}`}
            className="breadcrumbs__list-item"
            aria-current={item.link === undefined ? 'page' : undefined}
          >
            {index > 0 && <Icon name="chevron-right" />}
            {item.link === undefined ? (
              item.text
            ) : (
              <Link className="breadcrumbs__link" {...item.link} activeOptions={EXACT_MATCH}>
                {item.text}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
