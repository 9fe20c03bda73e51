// The buttons under a small form that opens in place: send it, or close it unchanged.
import { useTranslation } from 'react-i18next';

export function FormButtons({ submit, pending, onCancel }: { submit: string; pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="button-group mt-4">
      <button type="submit" className="button button-primary" aria-disabled={pending}>
        {submit}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
