// Visitation (job-ready or activity-ready) and the track of an activity-ready citizen
// (Halsnæs: near job-ready, step-up or the rehabilitation team): one choice with the reason.
// Sends the version the user read.
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, isOneOf, TRACKS } from '../../../core/vocabulary.js';
import { api } from '../../api/browser.js';
import { setTrack, setVisitation, type CaseBody } from '../../api/cases.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { RadioGroup, radioId, type RadioOption } from '../../components/RadioGroup.js';
import { TextAreaField } from '../../components/TextAreaField.js';
import { useFormState } from '../../hooks/useFormState.js';
import type { CaseFormProps } from './caseForm.js';

/** The field of the case the form sets. */
export type Choice = 'category' | 'track';

interface Setup {
  /** The section's id: the prefix of the form's ids. */
  section: 'visitation' | 'track';
  choiceId: string;
  current: string | null;
  options: RadioOption[];
  texts: { legend: string; missing: string; reason: string; reasonHelp: string; reasonMissing: string; submit: string };
  /** The request for a chosen value, or undefined when the value is not one of the options. */
  request: (value: string, reason: string) => (() => Promise<CaseBody>) | undefined;
}

function useSetup(choice: Choice, detail: CaseBody): Setup {
  const { t } = useTranslation();
  const version = detail.version;
  if (choice === 'category') {
    return {
      section: 'visitation',
      choiceId: 'visitation-category',
      current: detail.category,
      options: CATEGORIES.map((value) => ({
        value,
        label: t(`vocabulary.category.${value}`),
        hint: t(`case.visitation.hints.${value}`),
      })),
      texts: {
        legend: t('case.visitation.category'),
        missing: t('case.visitation.categoryMissing'),
        reason: t('case.visitation.reason'),
        reasonHelp: t('case.visitation.reasonHelp'),
        reasonMissing: t('case.visitation.reasonMissing'),
        submit: t('case.visitation.submit'),
      },
      request: (value, reason) =>
        isOneOf(CATEGORIES, value)
          ? () => setVisitation(api, detail.id, { category: value, reason, version })
          : undefined,
    };
  }
  return {
    section: 'track',
    choiceId: 'track-choice',
    current: detail.track,
    options: TRACKS.map((value) => ({
      value,
      label: t(`vocabulary.track.${value}`),
      hint: t(`case.track.hints.${value}`),
    })),
    texts: {
      legend: t('case.track.track'),
      missing: t('case.track.trackMissing'),
      reason: t('case.track.reason'),
      reasonHelp: t('case.track.reasonHelp'),
      reasonMissing: t('case.track.reasonMissing'),
      submit: t('case.track.submit'),
    },
    request: (value, reason) =>
      isOneOf(TRACKS, value) ? () => setTrack(api, detail.id, { track: value, reason, version }) : undefined,
  };
}

export function ChoiceForm({ choice, detail, onSaved, onConflict }: CaseFormProps & { choice: Choice }) {
  const setup = useSetup(choice, detail);
  const { section, texts } = setup;
  const { t } = useTranslation();
  const [value, setValue] = useState<string>(setup.current ?? '');
  const [reason, setReason] = useState('');
  const fields = useMemo(
    () => ({
      [choice]: { id: radioId(setup.choiceId), label: texts.legend },
      reason: { id: `${section}-reason`, label: texts.reason },
    }),
    [choice, section, setup.choiceId, texts.legend, texts.reason],
  );
  const form = useFormState(fields, onConflict);

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const request = setup.request(value, reason.trim());
    const found: Record<string, string> = {};
    if (request === undefined) found[choice] = texts.missing;
    if (reason.trim() === '') found.reason = texts.reasonMissing;
    if (!form.check(found) || request === undefined) return;
    void form.send(async () => {
      onSaved(await request());
    });
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby={`${section}-heading`}>
      <ErrorSummary
        id={`${section}-errors`}
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      <RadioGroup
        id={setup.choiceId}
        name={choice}
        legend={texts.legend}
        value={value}
        error={form.fieldErrors[choice]}
        options={setup.options}
        onChange={setValue}
      />
      <TextAreaField
        id={`${section}-reason`}
        label={texts.reason}
        helpText={texts.reasonHelp}
        maxLength={4000}
        value={reason}
        error={form.fieldErrors.reason}
        onChange={(event) => {
          setReason(event.target.value);
        }}
      />
      <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
        {texts.submit}
      </button>
    </form>
  );
}
