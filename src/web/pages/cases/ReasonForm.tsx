// A form that opens in place and asks why, for actions that need a written reason (voiding
// an event or a status period). The caller sends the reason and shows what came back.
import { Type } from '@sinclair/typebox';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormButtons } from '../../components/FormButtons.js';
import { ReasonField } from '../../components/ReasonField.js';
import { limitsOf } from '../../forms/limits.js';
import { VoidBody } from '../../forms/schemas.js';
import { useSchemaCheck } from '../../forms/useSchemaCheck.js';
import type { ConflictHandler } from '../../hooks/useConflict.js';
import { useFormState } from '../../hooks/useFormState.js';

// Both callers void with VoidBody; the version they send is theirs to know, the reason ours.
const REASON = Type.Pick(VoidBody, ['reason']);
const REASON_LIMIT = limitsOf(VoidBody, 'reason').maxLength;

interface ReasonFormProps {
  id: string;
  /** Names the form for screen readers: which record the reason is for. */
  formLabel: string;
  label: string;
  missing: string;
  submit: string;
  send: (reason: string) => Promise<void>;
  onConflict: ConflictHandler;
  onCancel: () => void;
}

export function ReasonForm({ id, formLabel, label, missing, submit, send, onConflict, onCancel }: ReasonFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const fields = useMemo(() => ({ reason: { id, label, subject: t('validation.subjects.reason') } }), [id, label, t]);
  const form = useFormState(fields, onConflict);
  const checkBody = useSchemaCheck(fields);
  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    if (!form.check(checkBody(REASON, { reason: reason.trim() }, reason.trim() === '' ? { reason: missing } : {})))
      return;
    void form.send(() => send(reason.trim()));
  };
  return (
    <form className="form void-form" noValidate onSubmit={onSubmit} aria-label={formLabel}>
      <ErrorSummary
        id={`${id}-errors`}
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      <ReasonField
        id={id}
        label={label}
        rows={2}
        limit={REASON_LIMIT}
        value={reason}
        error={form.fieldErrors.reason}
        onChange={setReason}
        autoFocus
      />
      <FormButtons submit={submit} pending={form.pending} onCancel={onCancel} />
    </form>
  );
}
