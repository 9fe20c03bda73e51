// Closing a case says why (a category and the reason in words) and on which day; reopening
// says why too. Each sends the version the user read.
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSE_REASONS, isOneOf } from '../../../core/vocabulary.js';
import { api } from '../../api/browser.js';
import { closeCase, reopenCase } from '../../api/cases.js';
import { DateField, dateFieldId, useDateProblem } from '../../components/DateField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { RadioGroup, radioId } from '../../components/RadioGroup.js';
import { ReasonField } from '../../components/ReasonField.js';
import { limitsOf } from '../../forms/limits.js';
import { CloseBody, ReopenBody } from '../../forms/schemas.js';
import { useSchemaCheck } from '../../forms/useSchemaCheck.js';
import { useFormState } from '../../hooks/useFormState.js';
import { isoDateIn } from '../../i18n/format.js';
import type { CaseFormProps } from './caseForm.js';

const CLOSE_REASON_LIMIT = limitsOf(CloseBody, 'reason').maxLength;
const REOPEN_REASON_LIMIT = limitsOf(ReopenBody, 'reason').maxLength;

interface DoneProps extends CaseFormProps {
  /** After the save: where the user goes next. */
  onDone: () => Promise<void>;
}

export function CloseForm({ detail, onSaved, onConflict, onDone }: DoneProps) {
  const { t } = useTranslation();
  const today = isoDateIn(new Date());
  const [category, setCategory] = useState('');
  const [reason, setReason] = useState('');
  const [closedOn, setClosedOn] = useState(today);
  const fields = useMemo(
    () => ({
      reason_category: { id: radioId('close-category'), label: t('case.close.category') },
      reason: { id: 'close-reason', label: t('case.close.reason'), subject: t('validation.subjects.reason') },
      closed_on: { id: dateFieldId('close-date'), label: t('case.close.date') },
    }),
    [t],
  );
  const form = useFormState(fields, onConflict);
  const checkBody = useSchemaCheck(fields);
  const dateProblem = useDateProblem();

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const found: Record<string, string> = {};
    if (!isOneOf(CLOSE_REASONS, category)) found.reason_category = t('case.close.categoryMissing');
    if (reason.trim() === '') found.reason = t('case.close.reasonMissing');
    const problem = closedOn === '' ? t('case.close.dateMissing') : dateProblem(closedOn);
    if (problem !== undefined) found.closed_on = problem;
    else if (closedOn > today) found.closed_on = t('case.close.dateInFuture');
    else if (closedOn < detail.registered) found.closed_on = t('case.close.dateBeforeRegistered');
    const body = { reason_category: category, reason: reason.trim(), closed_on: closedOn, version: detail.version };
    if (!form.check(checkBody(CloseBody, body, found)) || !isOneOf(CLOSE_REASONS, category)) return;
    const request = { ...body, reason_category: category };
    void form
      .send(async () => {
        onSaved(await closeCase(api, detail.id, request));
      })
      .then(async (ok) => {
        if (ok) await onDone();
      });
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="close-heading">
      <ErrorSummary
        id="close-errors"
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      <RadioGroup
        id="close-category"
        name="reason_category"
        legend={t('case.close.category')}
        value={category}
        error={form.fieldErrors.reason_category}
        options={CLOSE_REASONS.map((value) => ({ value, label: t(`vocabulary.closeReason.${value}`) }))}
        onChange={setCategory}
      />
      <ReasonField
        id="close-reason"
        label={t('case.close.reason')}
        helpText={t('case.close.reasonHelp')}
        limit={CLOSE_REASON_LIMIT}
        value={reason}
        error={form.fieldErrors.reason}
        onChange={setReason}
      />
      <DateField
        id="close-date"
        label={t('case.close.date')}
        helpText={t('case.close.dateHelp')}
        value={closedOn}
        error={form.fieldErrors.closed_on}
        onChange={setClosedOn}
      />
      <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
        {t('case.close.submit')}
      </button>
    </form>
  );
}

export function ReopenForm({ detail, onSaved, onConflict, onDone }: DoneProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const fields = useMemo(
    () => ({
      reason: { id: 'reopen-reason', label: t('case.close.reopenReason'), subject: t('validation.subjects.reason') },
    }),
    [t],
  );
  const form = useFormState(fields, onConflict);
  const checkBody = useSchemaCheck(fields);

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const found: Record<string, string> = {};
    if (reason.trim() === '') found.reason = t('case.close.reopenReasonMissing');
    const body = { reason: reason.trim(), version: detail.version };
    if (!form.check(checkBody(ReopenBody, body, found))) return;
    void form
      .send(async () => {
        onSaved(await reopenCase(api, detail.id, body));
      })
      .then(async (ok) => {
        if (ok) await onDone();
      });
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="close-heading">
      <ErrorSummary
        id="reopen-errors"
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      <ReasonField
        id="reopen-reason"
        label={t('case.close.reopenReason')}
        limit={REOPEN_REASON_LIMIT}
        value={reason}
        error={form.fieldErrors.reason}
        onChange={setReason}
      />
      <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
        {t('case.close.reopenSubmit')}
      </button>
    </form>
  );
}
