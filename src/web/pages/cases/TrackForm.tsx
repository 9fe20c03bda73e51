// The track of an activity-ready citizen (Halsnæs: near job-ready, step-up or the rehabilitation
// team), with the reason. Sends the version the user read.
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { setTrack } from '../../api/cases.js';
import { TRACKS } from '../../api/vocabulary.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { RadioGroup, radioId } from '../../components/RadioGroup.js';
import { TextAreaField } from '../../components/TextAreaField.js';
import { useFormState } from './useFormState.js';
import type { CaseFormProps } from './VisitationForm.js';

export function TrackForm({ detail, onSaved, onConflict }: CaseFormProps) {
  const { t } = useTranslation();
  const [track, setChosen] = useState<string>(detail.track ?? '');
  const [reason, setReason] = useState('');
  const fields = useMemo(
    () => ({
      track: { id: radioId('track-choice'), label: t('case.track.track') },
      reason: { id: 'track-reason', label: t('case.track.reason') },
    }),
    [t],
  );
  const form = useFormState(fields, onConflict);

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const chosen = TRACKS.find((value) => value === track);
    const found: Record<string, string> = {};
    if (chosen === undefined) found.track = t('case.track.trackMissing');
    if (reason.trim() === '') found.reason = t('case.track.reasonMissing');
    if (!form.check(found) || chosen === undefined) return;
    void form.send(async () => {
      onSaved(await setTrack(api, detail.id, { track: chosen, reason: reason.trim(), version: detail.version }));
    });
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="track-heading">
      <FormErrorSummary id="track-errors" heading={t('form.errorHeading')} problems={form.problems} attempt={form.attempt} />
      <RadioGroup
        id="track-choice"
        name="track"
        legend={t('case.track.track')}
        value={track}
        error={form.fieldErrors.track}
        options={TRACKS.map((value) => ({ value, label: t(`vocabulary.track.${value}`), hint: t(`case.track.hints.${value}`) }))}
        onChange={setChosen}
      />
      <TextAreaField
        id="track-reason"
        label={t('case.track.reason')}
        helpText={t('case.track.reasonHelp')}
        maxLength={4000}
        value={reason}
        error={form.fieldErrors.reason}
        onChange={(event) => {
          setReason(event.target.value);
        }}
      />
      <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
        {t('case.track.submit')}
      </button>
    </form>
  );
}
