// A team leader moves the case to another caseworker of the team, with the reason. The list
// shows each caseworker's open cases against the team's cap; a move past the cap is allowed
// and said in the confirmation.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { reassignCase } from '../../api/cases.js';
import { asApiError } from '../../api/client.js';
import { caseloadsQuery } from '../../api/queries.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { SelectField } from '../../components/SelectField.js';
import { ReasonField } from '../../components/ReasonField.js';
import { limitsOf } from '../../forms/limits.js';
import { ReassignBody } from '../../forms/schemas.js';
import { useSchemaCheck } from '../../forms/useSchemaCheck.js';
import { useFormState } from '../../hooks/useFormState.js';
import type { CaseFormProps } from './caseForm.js';

const REASON_LIMIT = limitsOf(ReassignBody, 'reason').maxLength;

interface ReassignFormProps extends CaseFormProps {
  teamId: string;
  /** After the move: the new caseworker's name, and whether they are now over the team's cap. */
  onReassigned: (name: string, overCap: boolean) => Promise<void>;
}

export function ReassignForm({ detail, onSaved, onConflict, teamId, onReassigned }: ReassignFormProps) {
  const { t } = useTranslation();
  const [caseworker, setCaseworker] = useState('');
  const [reason, setReason] = useState('');
  const query = useQuery(caseloadsQuery(teamId));
  const fields = useMemo(
    () => ({
      caseworker_id: { id: 'reassign-caseworker', label: t('case.reassign.caseworker') },
      reason: { id: 'reassign-reason', label: t('case.reassign.reason'), subject: t('validation.subjects.reason') },
    }),
    [t],
  );
  const form = useFormState(fields, onConflict);
  const checkBody = useSchemaCheck(fields);

  if (query.isError) {
    return <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} headingLevel={3} />;
  }
  const caseloads = query.data;
  if (caseloads === undefined) return <p>{t('app.loading')}</p>;
  const candidates = caseloads.members.filter(
    (member) => member.roles.includes('caseworker') && member.id !== detail.caseworker?.id,
  );
  const cap = caseloads.team.caseload_cap;

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const found: Record<string, string> = {};
    if (caseworker === '') found.caseworker_id = t('case.reassign.caseworkerMissing');
    if (reason.trim() === '') found.reason = t('case.reassign.reasonMissing');
    const body = { caseworker_id: caseworker, reason: reason.trim(), version: detail.version };
    if (!form.check(checkBody(ReassignBody, body, found))) return;
    const name = candidates.find((member) => member.id === caseworker)?.name ?? '';
    let overCap = false;
    void form
      .send(async () => {
        const result = await reassignCase(api, detail.id, body);
        overCap = result.over_cap;
        onSaved(result.case);
      })
      .then(async (ok) => {
        if (ok) await onReassigned(name, overCap);
      });
  };

  return (
    <>
      {candidates.length === 0 ? (
        <p>{t('case.reassign.noCandidates')}</p>
      ) : (
        <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="reassign-heading">
          <ErrorSummary
            id="reassign-errors"
            heading={t('form.errorHeading')}
            problems={form.problems}
            attempt={form.attempt}
          />
          <SelectField
            id="reassign-caseworker"
            label={t('case.reassign.caseworker')}
            helpText={t('case.reassign.caseworkerHelp', { cap })}
            value={caseworker}
            error={form.fieldErrors.caseworker_id}
            options={[
              { value: '', label: t('form.choose') },
              ...candidates.map((member) => ({
                value: member.id,
                label: t(member.open_cases >= cap ? 'case.reassign.optionFull' : 'case.reassign.option', {
                  name: member.name,
                  open: member.open_cases,
                  cap,
                }),
              })),
            ]}
            onChange={(event) => {
              setCaseworker(event.target.value);
            }}
          />
          <ReasonField
            id="reassign-reason"
            label={t('case.reassign.reason')}
            limit={REASON_LIMIT}
            value={reason}
            error={form.fieldErrors.reason}
            onChange={setReason}
          />
          <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
            {t('case.reassign.submit')}
          </button>
        </form>
      )}
    </>
  );
}
