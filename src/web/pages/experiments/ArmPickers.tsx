// Which two arms the report compares: a treatment arm against the control arm by default,
// any other pair on request (e.g. group 2 against control).
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField } from '../../components/SelectField.js';

interface ArmPickersProps {
  arms: readonly { arm: string; label: string }[];
  treatment: string;
  control: string;
  onChoose: (pair: { treatment: string; control: string }) => void;
}

export function ArmPickers({ arms, treatment: shownTreatment, control: shownControl, onChoose }: ArmPickersProps) {
  const { t } = useTranslation();
  const [treatment, setTreatment] = useState(shownTreatment);
  const [control, setControl] = useState(shownControl);
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const options = arms.map((arm) => ({ value: arm.arm, label: arm.label }));

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (treatment === control) {
      setProblem(t('experiments.report.sameArm'));
      setAttempt((n) => n + 1);
      return;
    }
    setProblem(undefined);
    onChoose({ treatment, control });
  };

  return (
    <form className="form arm-pickers" noValidate onSubmit={onSubmit} aria-labelledby="compare-heading">
      <ErrorSummary
        id="compare-errors"
        heading={t('form.errorHeading')}
        problems={problem === undefined ? [] : [{ message: problem, fieldId: 'compare-control' }]}
        attempt={attempt}
      />
      <div className="filter-fields">
        <SelectField
          id="compare-treatment"
          label={t('experiments.report.treatment')}
          value={treatment}
          options={options}
          onChange={(event) => {
            setTreatment(event.target.value);
          }}
        />
        <SelectField
          id="compare-control"
          label={t('experiments.report.control')}
          value={control}
          error={problem}
          options={options}
          onChange={(event) => {
            setControl(event.target.value);
          }}
        />
      </div>
      <button type="submit" className="button button-secondary mt-4">
        {t('experiments.report.compare')}
      </button>
    </form>
  );
}
