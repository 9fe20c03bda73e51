// Record what happened on the case. The fields follow the type: a conversation says whether it
// was held, how, or who cancelled; an activity its kind and end; a mentor its end.
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPeriod, isConversation } from '../../../core/cases/event.js';
import { ACTIVITY_KINDS, CANCELLED_BY, EVENT_TYPES, MODES, type EventType } from '../../../core/vocabulary.js';
import { api } from '../../api/browser.js';
import { recordEvent } from '../../api/cases.js';
import { DateField, dateFieldId, useDateProblem } from '../../components/DateField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { RadioGroup, radioId } from '../../components/RadioGroup.js';
import { SelectField } from '../../components/SelectField.js';
import { TextAreaField } from '../../components/TextAreaField.js';
import { limitsOf } from '../../forms/limits.js';
import { EventBody } from '../../forms/schemas.js';
import { useSchemaCheck } from '../../forms/useSchemaCheck.js';
import { useFormState } from '../../hooks/useFormState.js';
import { isoDateIn } from '../../i18n/format.js';
import type { CaseFormProps } from './caseForm.js';
import { blankEvent, bodyOf, eventInputOf, type EventDraft } from './eventInput.js';

const NOTE_LIMIT = limitsOf(EventBody, 'note').maxLength;

interface EventFormProps extends CaseFormProps {
  initialType?: EventType;
  initialKind?: string;
  /** After the case took the event: where the user goes next. */
  onRecorded: (type: EventType) => Promise<void>;
}

export function EventForm({ detail, onSaved, onConflict, initialType, initialKind, onRecorded }: EventFormProps) {
  const { t } = useTranslation();
  const today = isoDateIn(new Date());
  const [draft, setDraft] = useState<EventDraft>(() => blankEvent(today, initialType, initialKind));
  const fields = useMemo(
    () => ({
      type: { id: 'event-type', label: t('case.event.type') },
      date: { id: dateFieldId('event-date'), label: t('case.event.date') },
      held: { id: radioId('event-held'), label: t('case.event.held') },
      mode: { id: radioId('event-mode'), label: t('case.event.mode') },
      cancelled_by: { id: 'event-cancelled-by', label: t('case.event.cancelledBy') },
      kind: { id: 'event-kind', label: t('case.event.kind') },
      end_date: { id: dateFieldId('event-end-date'), label: t('case.event.endDate') },
      note: { id: 'event-note', label: t('case.event.note'), subject: t('validation.subjects.note') },
    }),
    [t],
  );
  const form = useFormState(fields, onConflict);
  const checkBody = useSchemaCheck(fields);
  const dateProblem = useDateProblem();
  const set = (change: Partial<EventDraft>): void => {
    setDraft({ ...draft, ...change });
  };

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const result = eventInputOf(draft, today, {
      date: t('case.event.errors.date'),
      future: t('case.event.errors.future'),
      held: t('case.event.errors.held'),
      mode: t('case.event.errors.mode'),
      cancelledBy: t('case.event.errors.cancelledBy'),
      kind: t('case.event.errors.kind'),
      endDate: t('case.event.errors.endDate'),
    });
    // A date typed wrong gets the reason (31.02.2026 does not exist) rather than "enter the date".
    const found: Record<string, string> = result.ok ? {} : { ...result.found };
    if (found.date !== undefined) found.date = dateProblem(draft.date) ?? found.date;
    if (found.end_date !== undefined) found.end_date = dateProblem(draft.endDate) ?? found.end_date;
    if (!form.check(checkBody(EventBody, bodyOf(draft), found)) || !result.ok) return;
    const { input } = result;
    void form
      .send(async () => {
        onSaved(await recordEvent(api, detail.id, input));
      })
      .then(async (ok) => {
        if (ok) await onRecorded(input.type);
      });
  };

  const conversation = isConversation(draft.type);
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="record-heading">
      <ErrorSummary
        id="event-errors"
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      <SelectField
        id="event-type"
        label={t('case.event.type')}
        value={draft.type}
        options={EVENT_TYPES.map((value) => ({ value, label: t(`vocabulary.eventType.${value}`) }))}
        onChange={(event) => {
          set({ type: EVENT_TYPES.find((value) => value === event.target.value) ?? 'conversation' });
        }}
      />
      <DateField
        id="event-date"
        label={t('case.event.date')}
        helpText={t('case.event.dateHelp')}
        value={draft.date}
        error={form.fieldErrors.date}
        onChange={(date) => {
          set({ date });
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
        <RadioGroup
          id="event-mode"
          name="mode"
          legend={t('case.event.mode')}
          value={draft.mode}
          error={form.fieldErrors.mode}
          options={MODES.map((value) => ({ value, label: t(`vocabulary.mode.${value}`) }))}
          onChange={(mode) => {
            set({ mode });
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
        <DateField
          id="event-end-date"
          label={t('case.event.endDate')}
          optional
          helpText={t('case.event.endDateHelp')}
          value={draft.endDate}
          error={form.fieldErrors.end_date}
          onChange={(endDate) => {
            set({ endDate });
          }}
        />
      )}
      <TextAreaField
        id="event-note"
        label={t('case.event.note')}
        optional
        characterLimit={NOTE_LIMIT}
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
