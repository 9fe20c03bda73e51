// Ending a citizen's follow-up early, with the reason (moved, died, withdrew) and the date.
// The report counts them as lost in the flow, by reason.
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../core/rules/date.js';
import { END_REASONS } from '../../../core/vocabulary.js';
import { api } from '../../api/browser.js';
import { endFollowUp, type Enrolment } from '../../api/experiments.js';
import { DateField, dateFieldId, useDateProblem } from '../../components/DateField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormButtons } from '../../components/FormButtons.js';
import { RadioGroup, radioId } from '../../components/RadioGroup.js';
import { useFormState } from '../../hooks/useFormState.js';
import { isoDateIn } from '../../i18n/format.js';

interface EndFollowUpFormProps {
  experimentId: string;
  enrolment: Enrolment;
  onEnded: (enrolment: Enrolment) => void;
  onCancel: () => void;
}

export function EndFollowUpForm({ experimentId, enrolment, onEnded, onCancel }: EndFollowUpFormProps) {
  const { t } = useTranslation();
  const today = isoDateIn(new Date());
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(today);
  const id = `end-${enrolment.citizen_id}`;
  const name = enrolment.name ?? enrolment.pseudonym;
  const fields = useMemo(
    () => ({
      reason: { id: radioId(`${id}-reason`), label: t('experiments.end.reason') },
      ended_on: { id: dateFieldId(`${id}-date`), label: t('experiments.end.date') },
    }),
    [id, t],
  );
  const form = useFormState(fields);
  const dateProblem = useDateProblem();

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const chosen = END_REASONS.find((value) => value === reason);
    const found: Record<string, string> = {};
    if (chosen === undefined) found.reason = t('experiments.end.reasonMissing');
    if (!isIsoDate(date)) found.ended_on = dateProblem(date) ?? t('experiments.end.dateMissing');
    else if (date < enrolment.enrolled_on || date > today) found.ended_on = t('experiments.end.dateRange');
    if (!form.check(found) || chosen === undefined) return;
    void form.send(async () => {
      onEnded(await endFollowUp(api, experimentId, enrolment.citizen_id, { ended_on: date, reason: chosen }));
    });
  };

  return (
    <form
      className="form end-form"
      noValidate
      onSubmit={onSubmit}
      aria-label={t('experiments.end.formLabel', { name })}
    >
      <ErrorSummary
        id={`${id}-errors`}
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      <RadioGroup
        id={`${id}-reason`}
        name={`${id}-reason`}
        legend={t('experiments.end.reason')}
        value={reason}
        error={form.fieldErrors.reason}
        options={END_REASONS.map((value) => ({ value, label: t(`experiments.endReasons.${value}`) }))}
        onChange={setReason}
      />
      <DateField
        id={`${id}-date`}
        label={t('experiments.end.date')}
        value={date}
        error={form.fieldErrors.ended_on}
        onChange={setDate}
      />
      <FormButtons submit={t('experiments.end.submit')} pending={form.pending} onCancel={onCancel} />
    </form>
  );
}
