// The team's caseload cap. Sends the version read; a conflict shows the cap as it is now.
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { ApiError } from '../../api/client.js';
import { currentTeamOf, setCaseloadCap, type Team } from '../../api/teams.js';
import { Alert } from '../../components/Alert.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { TextField } from '../../components/TextField.js';
import { useFormState } from '../cases/useFormState.js';

const MIN_CAP = 1;
const MAX_CAP = 500;

interface CapFormProps {
  team: Team;
  labelledBy: string;
  onSaved: (team: Team) => void;
}

export function CapForm({ team, labelledBy, onSaved }: CapFormProps) {
  const { t } = useTranslation();
  const [cap, setCap] = useState(String(team.caseload_cap));
  const [notice, setNotice] = useState<'saved' | 'conflict' | null>(null);
  const id = `cap-${team.id}`;
  const fields = useMemo(() => ({ caseload_cap: { id, label: t('team.cap') } }), [id, t]);
  const onConflict = (error: ApiError): void => {
    const current = currentTeamOf(error.details);
    if (current !== undefined) {
      setCap(String(current.caseload_cap));
      onSaved(current);
    }
    setNotice('conflict');
  };
  const form = useFormState(fields, onConflict);

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    setNotice(null);
    const value = Number(cap.trim());
    const valid = /^\d+$/.test(cap.trim()) && value >= MIN_CAP && value <= MAX_CAP;
    if (!form.check(valid ? {} : { caseload_cap: t('team.capInvalid', { min: MIN_CAP, max: MAX_CAP }) })) return;
    void form
      .send(async () => {
        onSaved(await setCaseloadCap(api, team.id, { caseload_cap: value, version: team.version }));
      })
      .then((ok) => {
        if (ok) setNotice('saved');
      });
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby={labelledBy}>
      <FormErrorSummary id={`${id}-errors`} heading={t('form.errorHeading')} problems={form.problems} attempt={form.attempt} />
      {notice === 'saved' && <Alert variant="success" heading={t('team.capSaved', { cap: team.caseload_cap })} headingLevel={3} />}
      {notice === 'conflict' && (
        <Alert variant="warning" heading={t('team.capConflict')} headingLevel={3}>
          <p>{t('team.capConflictText', { cap: team.caseload_cap })}</p>
        </Alert>
      )}
      <TextField
        id={id}
        type="text"
        inputMode="numeric"
        label={t('team.cap')}
        helpText={t('team.capHelp')}
        width="input-width-xs"
        value={cap}
        error={form.fieldErrors.caseload_cap}
        onChange={(event) => {
          setCap(event.target.value);
          setNotice(null);
        }}
      />
      <button type="submit" className="button button-primary mt-4" aria-disabled={form.pending}>
        {t('team.capSubmit')}
      </button>
    </form>
  );
}
