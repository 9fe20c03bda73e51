// A team leader moves the case to another caseworker of the team, with the reason. The list
// shows each caseworker's open cases against the team's cap.
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { reassignCase } from '../../api/cases.js';
import { fetchCaseloads } from '../../api/teams.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { SelectField } from '../../components/SelectField.js';
import { TextAreaField } from '../../components/TextAreaField.js';
import { useFormState } from '../../hooks/useFormState.js';
import { useLoad } from '../../hooks/useLoad.js';
import type { CaseFormProps } from './caseForm.js';

export function ReassignForm({ detail, onSaved, onConflict, teamId }: CaseFormProps & { teamId: string }) {
  const { t } = useTranslation();
  const [caseworker, setCaseworker] = useState('');
  const [reason, setReason] = useState('');
  const [overCap, setOverCap] = useState<string | null>(null);
  const [load, reload] = useLoad(() => fetchCaseloads(api, teamId), `${teamId}|${String(detail.version)}`);
  const fields = useMemo(
    () => ({
      caseworker_id: { id: 'reassign-caseworker', label: t('case.reassign.caseworker') },
      reason: { id: 'reassign-reason', label: t('case.reassign.reason') },
    }),
    [t],
  );
  const form = useFormState(fields, onConflict);

  if (load.status === 'failed') return <LoadFailed error={load.error} onRetry={reload} headingLevel={3} />;
  const caseloads = load.value;
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
    if (!form.check(found)) return;
    const name = candidates.find((member) => member.id === caseworker)?.name ?? '';
    void form
      .send(async () => {
        const result = await reassignCase(api, detail.id, {
          caseworker_id: caseworker,
          reason: reason.trim(),
          version: detail.version,
        });
        setOverCap(result.over_cap ? name : null);
        onSaved(result.case);
      })
      .then((ok) => {
        if (!ok) return;
        setCaseworker('');
        setReason('');
      });
  };

  return (
    <>
      {overCap !== null && (
        <Alert variant="warning" heading={t('case.reassign.overCap', { name: overCap })} headingLevel={3} />
      )}
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
          <TextAreaField
            id="reassign-reason"
            label={t('case.reassign.reason')}
            maxLength={4000}
            value={reason}
            error={form.fieldErrors.reason}
            onChange={(event) => {
              setReason(event.target.value);
            }}
          />
          <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
            {t('case.reassign.submit')}
          </button>
        </form>
      )}
    </>
  );
}
