// The design form's other parts: who may take part, the strata allocation is balanced
// within, and follow-up with the outcomes the experiment is judged on.
import { useTranslation } from 'react-i18next';
import { CATEGORIES, OUTCOMES, type Outcome } from '../../../core/vocabulary.js';
import { CheckboxField } from '../../components/CheckboxField.js';
import { CheckboxGroup } from '../../components/CheckboxGroup.js';
import { SelectField } from '../../components/SelectField.js';
import { TextField } from '../../components/TextField.js';
import type { DesignDraft } from './designDraft.js';

interface SectionProps {
  draft: DesignDraft;
  errors: Readonly<Record<string, string>>;
  onChange: (next: Partial<DesignDraft>) => void;
}

export function EligibilityFields({ draft, errors, onChange }: SectionProps) {
  const { t } = useTranslation();
  const number = (
    id: string,
    path: 'min_age' | 'max_age' | 'min_benefit_years' | 'max_benefit_years',
    label: string,
    helpText?: string,
  ) => (
    <TextField
      id={id}
      label={`${label} ${t('form.optional')}`}
      helpText={helpText}
      width="input-width-xs"
      inputMode="decimal"
      value={draft[path]}
      error={errors[`eligibility.${path}`]}
      onChange={(event) => {
        onChange({ [path]: event.target.value });
      }}
    />
  );
  return (
    <>
      <CheckboxGroup
        id="design-categories"
        legend={t('experiments.design.categories')}
        helpText={t('experiments.design.categoriesHelp')}
        options={CATEGORIES.map((value) => ({ value, label: t(`vocabulary.category.${value}`) }))}
        values={draft.categories}
        error={errors['eligibility.categories']}
        onChange={(categories) => {
          onChange({ categories });
        }}
      />
      {number('design-min-age', 'min_age', t('experiments.design.minAge'))}
      {number('design-max-age', 'max_age', t('experiments.design.maxAge'))}
      {number(
        'design-min-years',
        'min_benefit_years',
        t('experiments.design.minYears'),
        t('experiments.design.yearsHelp'),
      )}
      {number(
        'design-max-years',
        'max_benefit_years',
        t('experiments.design.maxYears'),
        t('experiments.design.yearsHelp'),
      )}
    </>
  );
}

export function StrataFields({ draft, errors, onChange }: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('experiments.design.strataIntro')}</p>
      <TextField
        id="design-age-cuts"
        label={`${t('experiments.design.ageCuts')} ${t('form.optional')}`}
        helpText={t('experiments.design.ageCutsHelp')}
        width="input-width-l"
        value={draft.age_cuts}
        error={errors['strata.age_cuts']}
        onChange={(event) => {
          onChange({ age_cuts: event.target.value });
        }}
      />
      <TextField
        id="design-benefit-cuts"
        label={`${t('experiments.design.yearCuts')} ${t('form.optional')}`}
        helpText={t('experiments.design.yearCutsHelp')}
        width="input-width-l"
        value={draft.benefit_year_cuts}
        error={errors['strata.benefit_year_cuts']}
        onChange={(event) => {
          onChange({ benefit_year_cuts: event.target.value });
        }}
      />
    </>
  );
}

export function OutcomeFields({ draft, errors, onChange }: SectionProps) {
  const { t } = useTranslation();
  const secondary = OUTCOMES.filter((outcome) => outcome !== draft.primary_outcome);
  return (
    <>
      <TextField
        id="design-follow-up"
        label={t('experiments.design.followUp')}
        helpText={t('experiments.design.followUpHelp')}
        width="input-width-xs"
        inputMode="numeric"
        value={draft.follow_up_weeks}
        error={errors.follow_up_weeks}
        onChange={(event) => {
          onChange({ follow_up_weeks: event.target.value });
        }}
      />
      <SelectField
        id="design-primary"
        label={t('experiments.design.primary')}
        helpText={t('experiments.design.primaryHelp')}
        value={draft.primary_outcome}
        error={errors.primary_outcome}
        options={[
          { value: '', label: t('experiments.design.chooseOutcome') },
          ...OUTCOMES.map((value) => ({ value, label: t(`experiments.outcomes.${value}`) })),
        ]}
        onChange={(event) => {
          const primary = event.target.value;
          onChange({
            primary_outcome: primary,
            secondary_outcomes: draft.secondary_outcomes.filter((outcome) => outcome !== primary),
          });
        }}
      />
      <CheckboxGroup<Outcome>
        id="design-secondary"
        legend={`${t('experiments.design.secondary')} ${t('form.optional')}`}
        helpText={t('experiments.design.secondaryHelp')}
        options={secondary.map((value) => ({ value, label: t(`experiments.outcomes.${value}`) }))}
        values={draft.secondary_outcomes}
        error={errors.secondary_outcomes}
        onChange={(secondary_outcomes) => {
          onChange({ secondary_outcomes });
        }}
      />
      <CheckboxField
        id="design-consent"
        label={t('experiments.design.consent')}
        checked={draft.consent_required}
        onChange={(consent_required) => {
          onChange({ consent_required });
        }}
      />
    </>
  );
}
