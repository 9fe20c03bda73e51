// The design of an experiment, new or while still a draft: what it asks, its arms, who may
// take part, the strata, follow-up and outcomes. The form checks what it can; the server's
// problems (a code used twice, a limit given twice) land in the same error summary.
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listedProblems, readableError } from '../../api/client.js';
import type { Design } from '../../api/experiments.js';
import { ErrorSummary, type FormProblem } from '../../components/ErrorSummary.js';
import { TextAreaField } from '../../components/TextAreaField.js';
import { TextField } from '../../components/TextField.js';
import type { ConflictHandler } from '../../hooks/useConflict.js';
import { ArmFields } from './ArmFields.js';
import { readDraft, type DesignDraft, type FieldError } from './designDraft.js';
import { fieldOf, readServerProblem } from './designFields.js';
import { EligibilityFields, OutcomeFields, StrataFields } from './DesignSections.js';

interface DesignFormProps {
  initial: DesignDraft;
  submitLabel: string;
  /** Sends the design; an ApiError it throws is shown in the error summary. */
  onSubmit: (design: Design) => Promise<void>;
  onConflict?: ConflictHandler;
}

type Label = (path: string) => string;

function useLabels(): Label {
  const { t } = useTranslation();
  const labels: Readonly<Record<string, string>> = {
    name: t('experiments.design.name'),
    question: t('experiments.design.question'),
    control_arm: t('experiments.design.control'),
    'eligibility.categories': t('experiments.design.categories'),
    'eligibility.min_age': t('experiments.design.minAge'),
    'eligibility.max_age': t('experiments.design.maxAge'),
    'eligibility.min_benefit_years': t('experiments.design.minYears'),
    'eligibility.max_benefit_years': t('experiments.design.maxYears'),
    'strata.age_cuts': t('experiments.design.ageCuts'),
    'strata.benefit_year_cuts': t('experiments.design.yearCuts'),
    follow_up_weeks: t('experiments.design.followUp'),
    primary_outcome: t('experiments.design.primary'),
    secondary_outcomes: t('experiments.design.secondary'),
    consent_required: t('experiments.design.consent'),
  };
  const armParts: Readonly<Record<string, string>> = {
    name: t('experiments.design.armName'),
    label: t('experiments.design.armLabel'),
    weight: t('experiments.design.armWeight'),
    description: t('experiments.design.armDescription'),
    caseload_cap: t('experiments.design.armCap'),
  };
  return (path) => {
    const arm = /^arms\.(\d+)\.(\w+)$/.exec(path);
    if (arm !== null)
      return `${t('experiments.design.arm', { number: Number(arm[1]) + 1 })}, ${(armParts[arm[2] ?? ''] ?? '').toLowerCase()}`;
    return labels[path] ?? path;
  };
}

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="design-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
    </section>
  );
}

export function DesignForm({ initial, submitLabel, onSubmit, onConflict }: DesignFormProps) {
  const { t } = useTranslation();
  const labelOf = useLabels();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  const change = (next: Partial<DesignDraft>): void => {
    setDraft((before) => ({ ...before, ...next }));
  };
  const show = (found: FormProblem[], fieldErrors: Record<string, string>): void => {
    setProblems(found);
    setErrors(fieldErrors);
    setAttempt((n) => n + 1);
  };

  const showDraftErrors = (found: readonly FieldError[]): void => {
    const fieldErrors: Record<string, string> = {};
    const list: FormProblem[] = [];
    for (const error of found) {
      const message = t(`experiments.design.errors.${error.error}`, { min: error.min, max: error.max });
      fieldErrors[error.path] = message;
      const fieldId = fieldOf(error.path)?.id;
      const text = `${labelOf(error.path)}: ${message}`;
      list.push(fieldId === undefined ? { message: text } : { message: text, fieldId });
    }
    show(list, fieldErrors);
  };

  const showServerErrors = (failure: unknown): void => {
    const error = readableError(failure);
    if (error === null) {
      show([{ message: t('form.failed') }], {});
      return;
    }
    const listed = listedProblems(error);
    const fieldErrors: Record<string, string> = {};
    const list = (listed.length > 0 ? listed : [error.message]).map((raw): FormProblem => {
      const problem = readServerProblem(raw);
      const message = problem.known === null ? problem.text : t(`experiments.design.serverErrors.${problem.known}`);
      if (problem.field === null) return { message };
      fieldErrors[problem.field.path] = message;
      return { message: `${labelOf(problem.field.path)}: ${message}`, fieldId: problem.field.id };
    });
    show(list, fieldErrors);
  };

  const submit = async (): Promise<void> => {
    const result = readDraft(draft);
    if (!result.ok) {
      showDraftErrors(result.errors);
      return;
    }
    setPending(true);
    try {
      await onSubmit(result.design);
    } catch (error) {
      if (onConflict?.(error) !== true) showServerErrors(error);
    } finally {
      setPending(false);
    }
  };

  const onFormSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (pending) return;
    void submit();
  };

  const props = { draft, errors, onChange: change };
  return (
    <>
      <ErrorSummary
        id="error-summary"
        headingLevel={2}
        heading={t('form.errorHeading')}
        problems={problems}
        attempt={attempt}
      />
      <form
        className="form design-form"
        noValidate
        onSubmit={onFormSubmit}
        aria-label={t('experiments.design.formLabel')}
      >
        <Section id="design-about" heading={t('experiments.design.aboutHeading')}>
          <TextField
            id="design-name"
            label={t('experiments.design.name')}
            width="input-width-xl"
            characterLimit={200}
            value={draft.name}
            error={errors.name}
            onChange={(event) => {
              change({ name: event.target.value });
            }}
          />
          <TextAreaField
            id="design-question"
            label={t('experiments.design.question')}
            helpText={t('experiments.design.questionHelp')}
            characterLimit={4000}
            value={draft.question}
            error={errors.question}
            onChange={(event) => {
              change({ question: event.target.value });
            }}
          />
        </Section>
        <Section id="design-arms" heading={t('experiments.design.armsHeading')}>
          <ArmFields {...props} />
        </Section>
        <Section id="design-eligibility" heading={t('experiments.design.eligibilityHeading')}>
          <EligibilityFields {...props} />
        </Section>
        <Section id="design-strata" heading={t('experiments.design.strataHeading')}>
          <StrataFields {...props} />
        </Section>
        <Section id="design-outcomes" heading={t('experiments.design.outcomesHeading')}>
          <OutcomeFields {...props} />
        </Section>
        <button type="submit" className="button button-primary mt-6" aria-disabled={pending}>
          {pending ? t('experiments.design.saving') : submitLabel}
        </button>
      </form>
    </>
  );
}
