// The visitation in one step: job-ready or activity-ready, and for an activity-ready citizen
// the track that follows from it (Halsnæs: near job-ready, step-up or the rehabilitation team),
// revealed under the choice; one reason for both. Sends the version the user read.
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { visitationTrackProblem } from '../../../core/cases/visitation.js';
import { CATEGORIES, isOneOf, TRACKS } from '../../../core/vocabulary.js';
import { api } from '../../api/browser.js';
import { setVisitation, type VisitationBody } from '../../api/cases.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { RadioGroup, radioId } from '../../components/RadioGroup.js';
import { ReasonField } from '../../components/ReasonField.js';
import { limitsOf } from '../../forms/limits.js';
import { VisitationBody as VisitationSchema } from '../../forms/schemas.js';
import { useSchemaCheck } from '../../forms/useSchemaCheck.js';
import { useFormState } from '../../hooks/useFormState.js';
import type { CaseFormProps } from './caseForm.js';

const REASON_LIMIT = limitsOf(VisitationSchema, 'reason').maxLength;

interface VisitationFormProps extends CaseFormProps {
  /** After the save, with what was saved: where the user goes next. */
  onVisited: (visitation: VisitationBody) => Promise<void>;
}

export function VisitationForm({ detail, onSaved, onConflict, onVisited }: VisitationFormProps) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<string>(detail.category ?? '');
  // Kept while the user tries the other category, so coming back does not lose the choice.
  const [track, setTrack] = useState<string>(detail.track ?? '');
  const [reason, setReason] = useState('');
  const fields = useMemo(
    () => ({
      category: { id: radioId('visitation-category'), label: t('case.visitation.category') },
      track: { id: radioId('visitation-track'), label: t('case.visitation.trackLegend') },
      reason: {
        id: 'visitation-reason',
        label: t('case.visitation.reason'),
        subject: t('validation.subjects.reason'),
      },
    }),
    [t],
  );
  const form = useFormState(fields, onConflict);
  const checkBody = useSchemaCheck(fields);

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const chosenCategory = isOneOf(CATEGORIES, category) ? category : undefined;
    // A track chosen before the user switched to job-ready is not part of this visitation.
    const chosenTrack = chosenCategory === 'activity_ready' && isOneOf(TRACKS, track) ? track : undefined;
    const found: Record<string, string> = {};
    if (chosenCategory === undefined) found.category = t('case.visitation.categoryMissing');
    else if (visitationTrackProblem(chosenCategory, chosenTrack) === 'track_missing')
      found.track = t('case.visitation.trackMissing');
    if (reason.trim() === '') found.reason = t('case.visitation.reasonMissing');
    const body = {
      category,
      ...(chosenTrack === undefined ? {} : { track: chosenTrack }),
      reason: reason.trim(),
      version: detail.version,
    };
    if (!form.check(checkBody(VisitationSchema, body, found)) || chosenCategory === undefined) return;
    const request: VisitationBody = { ...body, category: chosenCategory };
    void form
      .send(async () => {
        onSaved(await setVisitation(api, detail.id, request));
      })
      .then(async (ok) => {
        if (ok) await onVisited(request);
      });
  };

  const trackGroup = (
    <RadioGroup
      id="visitation-track"
      name="track"
      legend={t('case.visitation.trackLegend')}
      helpText={t('case.visitation.trackHelp')}
      value={track}
      error={form.fieldErrors.track}
      options={TRACKS.map((value) => ({
        value,
        label: t(`vocabulary.track.${value}`),
        hint: t(`case.track.hints.${value}`),
      }))}
      onChange={setTrack}
    />
  );

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="visitation-heading">
      <ErrorSummary
        id="visitation-errors"
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      <RadioGroup
        id="visitation-category"
        name="category"
        legend={t('case.visitation.category')}
        value={category}
        error={form.fieldErrors.category}
        options={CATEGORIES.map((value) => ({
          value,
          label: t(`vocabulary.category.${value}`),
          hint: t(`case.visitation.hints.${value}`),
          ...(value === 'activity_ready' ? { reveal: trackGroup } : {}),
        }))}
        onChange={setCategory}
      />
      <ReasonField
        id="visitation-reason"
        label={t('case.visitation.reason')}
        helpText={t('case.visitation.reasonHelp')}
        limit={REASON_LIMIT}
        value={reason}
        error={form.fieldErrors.reason}
        onChange={setReason}
      />
      <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
        {t('case.visitation.submit')}
      </button>
    </form>
  );
}
