// DKFDS breadcrumbs: where the page sits, each step but the last a link.
import { useTranslation } from 'react-i18next';
import { Link } from '../router/Link.js';
import { Icon } from './Icon.js';

export interface Crumb {
  text: string;
  /** Absent for the current page. */
  to?: string;
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
            aria-current={item.to === undefined ? 'page' : undefined}
          >
            {index > 0 && <Icon name="chevron-right" />}
            {item.to === undefined ? (
              item.text
            ) : (
              <Link className="breadcrumbs__link" to={item.to}>
                {item.text}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
