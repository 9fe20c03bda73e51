// Record what happened on the case. The fields follow the type: a conversation says whether it
// was held, how, or who cancelled; an activity its kind and end; a mentor its end.
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPeriod, isConversation } from '../../../core/cases/event.js';
import { ACTIVITY_KINDS, CANCELLED_BY, EVENT_TYPES, MODES, type EventType } from '../../../core/vocabulary.js';
import { api } from '../../api/browser.js';
import { recordEvent } from '../../api/cases.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { RadioGroup, radioId } from '../../components/RadioGroup.js';
import { SelectField } from '../../components/SelectField.js';
import { TextAreaField } from '../../components/TextAreaField.js';
import { TextField } from '../../components/TextField.js';
import { useFormState } from '../../hooks/useFormState.js';
import { isoDateIn } from '../../i18n/format.js';
import type { CaseFormProps } from './caseForm.js';
import { blankEvent, eventInputOf, type EventDraft } from './eventInput.js';

export function EventForm({ detail, onSaved, onConflict }: CaseFormProps) {
  const { t } = useTranslation();
  const today = isoDateIn(new Date());
  const [draft, setDraft] = useState<EventDraft>(() => blankEvent(today));
  const [saved, setSaved] = useState<EventType | null>(null);
  const fields = useMemo(
    () => ({
      type: { id: 'event-type', label: t('case.event.type') },
      date: { id: 'event-date', label: t('case.event.date') },
      held: { id: radioId('event-held'), label: t('case.event.held') },
      mode: { id: 'event-mode', label: t('case.event.mode') },
      cancelled_by: { id: 'event-cancelled-by', label: t('case.event.cancelledBy') },
      kind: { id: 'event-kind', label: t('case.event.kind') },
      end_date: { id: 'event-end-date', label: t('case.event.endDate') },
      note: { id: 'event-note', label: t('case.event.note') },
    }),
    [t],
  );
  const form = useFormState(fields, onConflict);
  const set = (change: Partial<EventDraft>): void => {
    setDraft({ ...draft, ...change });
    setSaved(null);
  };

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const result = eventInputOf(draft, today, {
      date: t('case.event.errors.date'),
      future: t('case.event.errors.future'),
      held: t('case.event.errors.held'),
      cancelledBy: t('case.event.errors.cancelledBy'),
      kind: t('case.event.errors.kind'),
      endDate: t('case.event.errors.endDate'),
    });
    if (!result.ok) {
      form.check(result.found);
      return;
    }
    const { input } = result;
    void form
      .send(async () => {
        onSaved(await recordEvent(api, detail.id, input));
      })
      .then((ok) => {
        if (!ok) return;
        setSaved(input.type);
        setDraft(blankEvent(today));
      });
  };

  const conversation = isConversation(draft.type);
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="event-heading">
      <ErrorSummary
        id="event-errors"
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      {saved !== null && (
        <Alert
          variant="success"
          heading={t('case.event.saved', { type: t(`vocabulary.eventType.${saved}`) })}
          headingLevel={3}
        />
      )}
      <SelectField
        id="event-type"
        label={t('case.event.type')}
        value={draft.type}
        options={EVENT_TYPES.map((value) => ({ value, label: t(`vocabulary.eventType.${value}`) }))}
        onChange={(event) => {
          set({ type: EVENT_TYPES.find((value) => value === event.target.value) ?? 'conversation' });
        }}
      />
      <TextField
        id="event-date"
        type="date"
        label={t('case.event.date')}
        helpText={t('case.event.dateHelp')}
        width="input-width-m"
        max={today}
        value={draft.date}
        error={form.fieldErrors.date}
        onChange={(event) => {
          set({ date: event.target.value });
        }}
      />
      {conversation && (
        <RadioGroup
          id="event-held"
          name="held"
          legend={t('case.event.held')}
          value={draft.held}
          error={form.fieldErrors.held}
          options={[
            { value: 'yes', label: t('case.event.heldYes') },
            { value: 'no', label: t('case.event.heldNo') },
          ]}
          onChange={(held) => {
            set({ held });
          }}
        />
      )}
      {conversation && draft.held === 'yes' && (
        <SelectField
          id="event-mode"
          label={t('case.event.mode')}
          value={draft.mode}
          error={form.fieldErrors.mode}
          options={MODES.map((value) => ({ value, label: t(`vocabulary.mode.${value}`) }))}
          onChange={(event) => {
            set({ mode: event.target.value });
          }}
        />
      )}
      {conversation && draft.held === 'no' && (
        <SelectField
          id="event-cancelled-by"
          label={t('case.event.cancelledBy')}
          value={draft.cancelledBy}
          error={form.fieldErrors.cancelled_by}
          options={[
            { value: '', label: t('form.choose') },
            ...CANCELLED_BY.map((value) => ({ value, label: t(`vocabulary.cancelledBy.${value}`) })),
          ]}
          onChange={(event) => {
            set({ cancelledBy: event.target.value });
          }}
        />
      )}
      {draft.type === 'activity' && (
        <SelectField
          id="event-kind"
          label={t('case.event.kind')}
          value={draft.kind}
          error={form.fieldErrors.kind}
          options={[
            { value: '', label: t('form.choose') },
            ...ACTIVITY_KINDS.map((value) => ({ value, label: t(`vocabulary.activityKind.${value}`) })),
          ]}
          onChange={(event) => {
            set({ kind: event.target.value });
          }}
        />
      )}
      {hasPeriod(draft.type) && (
        <TextField
          id="event-end-date"
          type="date"
          label={`${t('case.event.endDate')} ${t('form.optional')}`}
          helpText={t('case.event.endDateHelp')}
          width="input-width-m"
          value={draft.endDate}
          error={form.fieldErrors.end_date}
          onChange={(event) => {
            set({ endDate: event.target.value });
          }}
        />
      )}
      <TextAreaField
        id="event-note"
        label={t('case.event.note')}
        optional
        maxLength={4000}
        value={draft.note}
        error={form.fieldErrors.note}
        onChange={(event) => {
          set({ note: event.target.value });
        }}
      />
      <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
        {t('case.event.submit')}
      </button>
    </form>
  );
}
