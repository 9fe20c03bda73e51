// Visitation: job-ready or activity-ready, with the reason. Sends the version the user read.
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { setVisitation, type CaseDetail } from '../../api/cases.js';
import type { ApiError } from '../../api/client.js';
import { CATEGORIES } from '../../api/vocabulary.js';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { RadioGroup, radioId } from '../../components/RadioGroup.js';
import { TextAreaField } from '../../components/TextAreaField.js';
import { useFormState } from './useFormState.js';

interface CaseFormProps {
  detail: CaseDetail;
  onSaved: (detail: CaseDetail) => void;
  onConflict: (error: ApiError) => void;
}

export function VisitationForm({ detail, onSaved, onConflict }: CaseFormProps) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<string>(detail.category ?? '');
  const [reason, setReason] = useState('');
  const fields = useMemo(
    () => ({
      category: { id: radioId('visitation-category'), label: t('case.visitation.category') },
      reason: { id: 'visitation-reason', label: t('case.visitation.reason') },
    }),
    [t],
  );
  const form = useFormState(fields, onConflict);

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const chosen = CATEGORIES.find((value) => value === category);
    const found: Record<string, string> = {};
    if (chosen === undefined) found.category = t('case.visitation.categoryMissing');
    if (reason.trim() === '') found.reason = t('case.visitation.reasonMissing');
    if (!form.check(found) || chosen === undefined) return;
    void form.send(async () => {
      onSaved(await setVisitation(api, detail.id, { category: chosen, reason: reason.trim(), version: detail.version }));
    });
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="visitation-heading">
      <FormErrorSummary id="visitation-errors" heading={t('form.errorHeading')} problems={form.problems} attempt={form.attempt} />
      <RadioGroup
        id="visitation-category"
        name="category"
        legend={t('case.visitation.category')}
        value={category}
        error={form.fieldErrors.category}
        options={CATEGORIES.map((value) => ({ value, label: t(`vocabulary.category.${value}`), hint: t(`case.visitation.hints.${value}`) }))}
        onChange={setCategory}
      />
      <TextAreaField
        id="visitation-reason"
        label={t('case.visitation.reason')}
        helpText={t('case.visitation.reasonHelp')}
        maxLength={4000}
        value={reason}
        error={form.fieldErrors.reason}
        onChange={(event) => {
          setReason(event.target.value);
        }}
      />
      <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
        {t('case.visitation.submit')}
      </button>
    </form>
  );
}

export type { CaseFormProps };
