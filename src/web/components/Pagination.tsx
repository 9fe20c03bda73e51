// DKFDS pagination with buttons: the list is not a set of addresses but one list paged in place.
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';
import { visiblePages } from './pages.js';

interface PaginationProps {
  current: number;
  total: number;
  onChange: (page: number) => void;
  label: string;
}

export function Pagination({ current, total, onChange, label }: PaginationProps) {
  const { t } = useTranslation();
  if (total <= 1) return null;
  return (
    <div role="group" className="pagination" aria-label={label}>
      {current > 1 && (
        <button
          type="button"
          className="button button-arrow button-previous"
          onClick={() => {
            onChange(current - 1);
          }}
        >
          <Icon name="chevron-left" />
          <span className="pagination-nav-link">{t('pagination.previous')}</span>
        </button>
      )}
      <span className="pagination-mobile">{t('pagination.pageOf', { page: current, total })}</span>
      <ul className="pagination__items">
        {visiblePages(current, total).map((page, index) =>
          page === null ? (
            <li key={`gap-${String(index)}`} className="pagination-item pagination-overflow">
              <span>…</span>
            </li>
          ) : (
            <li key={page} className="pagination-item pagination-number">
              <button
                type="button"
                className={page === current ? 'button current-page' : 'button button-secondary'}
                aria-current={page === current ? 'true' : undefined}
                aria-label={t('pagination.page', { page })}
                onClick={() => {
                  onChange(page);
                }}
              >
                {page}
              </button>
            </li>
          ),
        )}
      </ul>
      {current < total && (
        <button
          type="button"
          className="button button-arrow button-next"
          onClick={() => {
            onChange(current + 1);
          }}
        >
          <span className="pagination-nav-link">{t('pagination.next')}</span>
          <Icon name="chevron-right" />
        </button>
      )}
    </div>
  );
}
