// The team's caseload cap. Sends the version read; a conflict shows the cap as it is now.
// The team shown may be fetched again while the form is open: a newer version replaces the
// one read only while the field is untouched, so a change typed over an old cap still meets
// the conflict instead of silently overwriting someone else's.
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { setCaseloadCap, type TeamBody } from '../../api/teams.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/TextField.js';
import { limitsOf } from '../../forms/limits.js';
import { TeamPatch } from '../../forms/schemas.js';
import { useSchemaCheck } from '../../forms/useSchemaCheck.js';
import { useConflict } from '../../hooks/useConflict.js';
import { useFormState } from '../../hooks/useFormState.js';

const { minimum: MIN_CAP = 1, maximum: MAX_CAP = 500 } = limitsOf(TeamPatch, 'caseload_cap');

interface CapFormProps {
  team: TeamBody;
  labelledBy: string;
  onSaved: (team: TeamBody) => void;
}

export function CapForm({ team, labelledBy, onSaved }: CapFormProps) {
  const { t } = useTranslation();
  const [read, setRead] = useState(team);
  const [cap, setCap] = useState(String(team.caseload_cap));
  const [saved, setSaved] = useState(false);
  if (team.version > read.version && cap === String(read.caseload_cap)) {
    setRead(team);
    setCap(String(team.caseload_cap));
  }
  const id = `cap-${team.id}`;
  const fields = useMemo(
    () => ({ caseload_cap: { id, label: t('team.cap'), subject: t('validation.subjects.cap') } }),
    [id, t],
  );
  const conflict = useConflict<TeamBody>((current) => {
    if (current === undefined) return;
    setRead(current);
    setCap(String(current.caseload_cap));
    onSaved(current);
  }, 'caseload_cap');
  const form = useFormState(fields, conflict.onConflict);
  const checkBody = useSchemaCheck(fields);
  const clearNotices = (): void => {
    setSaved(false);
    conflict.clear();
  };

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    clearNotices();
    const value = Number(cap.trim());
    const valid = /^\d+$/.test(cap.trim()) && value >= MIN_CAP && value <= MAX_CAP;
    const own = valid ? {} : { caseload_cap: t('team.capInvalid', { min: MIN_CAP, max: MAX_CAP }) };
    if (!form.check(checkBody(TeamPatch, { caseload_cap: value, version: read.version }, own))) return;
    void form
      .send(async () => {
        const next = await setCaseloadCap(api, team.id, { caseload_cap: value, version: read.version });
        setRead(next);
        onSaved(next);
      })
      .then((ok) => {
        setSaved(ok);
      });
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby={labelledBy}>
      <ErrorSummary
        id={`${id}-errors`}
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      {saved && <Alert variant="success" heading={t('team.capSaved', { cap: read.caseload_cap })} headingLevel={3} />}
      {conflict.shown && (
        <Alert variant="warning" heading={t('team.capConflict')} headingLevel={3}>
          <p>{t('team.capConflictText', { cap: read.caseload_cap })}</p>
        </Alert>
      )}
      <TextField
        id={id}
        type="text"
        inputMode="numeric"
        label={t('team.cap')}
        helpText={`${t('team.capHelp')} ${t('team.capRange', { min: MIN_CAP, max: MAX_CAP })}`}
        width="input-width-xs"
        value={cap}
        error={form.fieldErrors.caseload_cap}
        onChange={(event) => {
          setCap(event.target.value);
          clearNotices();
        }}
      />
      <button type="submit" className="button button-primary mt-4" aria-disabled={form.pending}>
        {t('team.capSubmit')}
      </button>
    </form>
  );
}
