// The work queue's filters: a form the user sends, so choosing in a select never reloads the list.
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isOneOf, QUEUE_STATUSES, TRACKS } from '../../../core/vocabulary.js';
import { SelectField } from '../../components/SelectField.js';
import { useLanguage } from '../../i18n/index.js';
import { hasFilters, type QueueFilters as Filters } from './queueQuery.js';
import type { RuleOption } from './rules.js';

interface QueueFiltersProps {
  idPrefix: string;
  filters: Filters;
  rules: readonly RuleOption[];
  onApply: (filters: Filters) => void;
}

export function QueueFilters({ idPrefix, filters, rules, onApply }: QueueFiltersProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [rule, setRule] = useState(filters.rule ?? '');
  const [track, setTrack] = useState<string>(filters.track ?? '');
  const [status, setStatus] = useState<string>(filters.status ?? '');

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onApply({
      rule: rule === '' ? undefined : rule,
      track: isOneOf(TRACKS, track) ? track : undefined,
      status: QUEUE_STATUSES.find((value) => value === status),
    });
  };

  const reset = (): void => {
    setRule('');
    setTrack('');
    setStatus('');
    onApply({ rule: undefined, track: undefined, status: undefined });
  };

  const all = { value: '', label: t('queue.filters.all') };
  return (
    <form className="form queue-filters" noValidate onSubmit={onSubmit} aria-label={t('queue.filters.label')}>
      <div className="filter-fields">
        <SelectField
          id={`${idPrefix}-rule`}
          label={t('queue.filters.rule')}
          value={rule}
          options={[all, ...rules.map((option) => ({ value: option.id, label: option.title[language] }))]}
          onChange={(event) => {
            setRule(event.target.value);
          }}
        />
        <SelectField
          id={`${idPrefix}-track`}
          label={t('queue.filters.track')}
          value={track}
          options={[all, ...TRACKS.map((value) => ({ value, label: t(`vocabulary.track.${value}`) }))]}
          onChange={(event) => {
            setTrack(event.target.value);
          }}
        />
        <SelectField
          id={`${idPrefix}-status`}
          label={t('queue.filters.status')}
          value={status}
          options={[all, ...QUEUE_STATUSES.map((value) => ({ value, label: t(`vocabulary.deadlineStatus.${value}`) }))]}
          onChange={(event) => {
            setStatus(event.target.value);
          }}
        />
      </div>
      <div className="button-group mt-5">
        <button type="submit" className="button button-primary">
          {t('queue.filters.apply')}
        </button>
        {hasFilters(filters) && (
          <button type="button" className="button button-secondary" onClick={reset}>
            {t('queue.filters.reset')}
          </button>
        )}
      </div>
    </form>
  );
}
