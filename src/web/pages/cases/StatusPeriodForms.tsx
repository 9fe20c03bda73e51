// The forms of the case's status periods: record a new one, end an open one, void a wrong
// one with the reason. Each sends the version it read; the list comes back whole.
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../core/rules/date.js';
import { PERIOD_STATUSES } from '../../../core/vocabulary.js';
import { api } from '../../api/browser.js';
import { addStatusPeriod, endStatusPeriod, voidStatusPeriod, type StatusPeriod } from '../../api/status-periods.js';
import { DateField, dateFieldId, useDateProblem } from '../../components/DateField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormButtons } from '../../components/FormButtons.js';
import { SelectField } from '../../components/SelectField.js';
import { TextAreaField } from '../../components/TextAreaField.js';
import { limitsOf } from '../../forms/limits.js';
import { EndPeriodInput, StatusPeriodInput } from '../../forms/schemas.js';
import { useSchemaCheck } from '../../forms/useSchemaCheck.js';
import type { ConflictHandler } from '../../hooks/useConflict.js';
import { useFormState } from '../../hooks/useFormState.js';
import { isoDateIn } from '../../i18n/format.js';
import { ReasonForm } from './ReasonForm.js';

const NOTE_LIMIT = limitsOf(StatusPeriodInput, 'note').maxLength;

interface ListProps {
  caseId: string;
  onSaved: (periods: StatusPeriod[]) => void;
}

export function AddStatusPeriodForm({ caseId, onSaved }: ListProps) {
  const { t } = useTranslation();
  const today = isoDateIn(new Date());
  const [status, setStatus] = useState('');
  const [start, setStart] = useState(today);
  const [end, setEnd] = useState('');
  const [note, setNote] = useState('');
  const fields = useMemo(
    () => ({
      status: { id: 'period-status', label: t('statusPeriods.status') },
      start_date: { id: dateFieldId('period-start'), label: t('statusPeriods.from') },
      end_date: { id: dateFieldId('period-end'), label: t('statusPeriods.to') },
      note: { id: 'period-note', label: t('statusPeriods.note'), subject: t('validation.subjects.note') },
    }),
    [t],
  );
  const form = useFormState(fields);
  const checkBody = useSchemaCheck(fields);
  const dateProblem = useDateProblem();

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const chosen = PERIOD_STATUSES.find((value) => value === status);
    const found: Record<string, string> = {};
    if (chosen === undefined) found.status = t('statusPeriods.errors.status');
    if (!isIsoDate(start)) found.start_date = dateProblem(start) ?? t('statusPeriods.errors.from');
    else if (start > today) found.start_date = t('statusPeriods.errors.future');
    if (end !== '' && (!isIsoDate(end) || end < start))
      found.end_date = dateProblem(end) ?? t('statusPeriods.errors.to');
    const body = { status, start_date: start, ...(end === '' ? {} : { end_date: end }), note: note.trim() };
    if (!form.check(checkBody(StatusPeriodInput, body, found)) || chosen === undefined) return;
    void form
      .send(async () => {
        onSaved(
          await addStatusPeriod(api, caseId, {
            status: chosen,
            start_date: start,
            ...(end === '' ? {} : { end_date: end }),
            ...(note.trim() === '' ? {} : { note: note.trim() }),
          }),
        );
      })
      .then((ok) => {
        if (!ok) return;
        setStatus('');
        setEnd('');
        setNote('');
      });
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="period-add-heading">
      <h3 id="period-add-heading">{t('statusPeriods.addHeading')}</h3>
      <ErrorSummary
        id="period-errors"
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      <SelectField
        id="period-status"
        label={t('statusPeriods.status')}
        value={status}
        error={form.fieldErrors.status}
        options={[
          { value: '', label: t('statusPeriods.chooseStatus') },
          ...PERIOD_STATUSES.map((value) => ({ value, label: t(`vocabulary.periodStatus.${value}`) })),
        ]}
        onChange={(event) => {
          setStatus(event.target.value);
        }}
      />
      <DateField
        id="period-start"
        label={t('statusPeriods.from')}
        value={start}
        error={form.fieldErrors.start_date}
        onChange={setStart}
      />
      <DateField
        id="period-end"
        label={t('statusPeriods.to')}
        optional
        helpText={t('statusPeriods.toHelp')}
        value={end}
        error={form.fieldErrors.end_date}
        onChange={setEnd}
      />
      <TextAreaField
        id="period-note"
        label={t('statusPeriods.note')}
        optional
        rows={2}
        characterLimit={NOTE_LIMIT}
        value={note}
        error={form.fieldErrors.note}
        onChange={(event) => {
          setNote(event.target.value);
        }}
      />
      <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
        {t('statusPeriods.add')}
      </button>
    </form>
  );
}

interface PeriodFormProps extends ListProps {
  period: StatusPeriod;
  label: string;
  onConflict: ConflictHandler;
  onCancel: () => void;
}

export function EndStatusPeriodForm({ caseId, period, label, onSaved, onConflict, onCancel }: PeriodFormProps) {
  const { t } = useTranslation();
  const today = isoDateIn(new Date());
  const [end, setEnd] = useState(today);
  const id = `period-end-${period.id}`;
  const fields = useMemo(() => ({ end_date: { id: dateFieldId(id), label: t('statusPeriods.endDate') } }), [id, t]);
  const form = useFormState(fields, onConflict);
  const checkBody = useSchemaCheck(fields);
  const dateProblem = useDateProblem();
  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const problem =
      !isIsoDate(end) || end < period.start_date ? (dateProblem(end) ?? t('statusPeriods.errors.to')) : undefined;
    const own: Record<string, string> = problem === undefined ? {} : { end_date: problem };
    if (!form.check(checkBody(EndPeriodInput, { end_date: end, version: period.version }, own))) return;
    void form.send(async () => {
      onSaved(await endStatusPeriod(api, caseId, period.id, { end_date: end, version: period.version }));
    });
  };
  return (
    <form
      className="form void-form"
      noValidate
      onSubmit={onSubmit}
      aria-label={t('statusPeriods.endLabel', { period: label })}
    >
      <ErrorSummary
        id={`${id}-errors`}
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      <DateField
        id={id}
        label={t('statusPeriods.endDate')}
        value={end}
        error={form.fieldErrors.end_date}
        onChange={setEnd}
        autoFocus
      />
      <FormButtons submit={t('statusPeriods.endSubmit')} pending={form.pending} onCancel={onCancel} />
    </form>
  );
}

export function VoidStatusPeriodForm({ caseId, period, label, onSaved, onConflict, onCancel }: PeriodFormProps) {
  const { t } = useTranslation();
  return (
    <ReasonForm
      id={`period-void-${period.id}`}
      formLabel={t('statusPeriods.voidLabel', { period: label })}
      label={t('statusPeriods.voidReason')}
      missing={t('statusPeriods.errors.reason')}
      submit={t('statusPeriods.voidSubmit')}
      send={async (reason) => {
        onSaved(await voidStatusPeriod(api, caseId, period.id, { reason, version: period.version }));
      }}
      onConflict={onConflict}
      onCancel={onCancel}
    />
  );
}
