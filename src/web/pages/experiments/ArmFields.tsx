// The arms of a design as repeatable rows: code, name, weight, what the arm gets and an
// optional caseload cap; rows can be added up to six and removed down to two. Then which
// arm is the control arm.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.js';
import { TextAreaField } from '../../components/TextAreaField.js';
import { TextField } from '../../components/TextField.js';
import { armFieldId } from './designFields.js';
import { emptyArm, MAX_ARMS, MIN_ARMS, type ArmDraft, type DesignDraft } from './designDraft.js';

interface ArmFieldsProps {
  draft: DesignDraft;
  errors: Readonly<Record<string, string>>;
  onChange: (next: Partial<DesignDraft>) => void;
}

export function ArmFields({ draft, errors, onChange }: ArmFieldsProps) {
  const { t } = useTranslation();
  const addButton = useRef<HTMLButtonElement>(null);

  const setArm = (index: number, change: Partial<ArmDraft>): void => {
    onChange({ arms: draft.arms.map((arm, i) => (i === index ? { ...arm, ...change } : arm)) });
  };
  const addArm = (): void => {
    const arms = [...draft.arms, emptyArm()];
    onChange({ arms });
    // The new row's first field, so keyboard users carry on where the row appeared.
    requestAnimationFrame(() => document.getElementById(armFieldId(arms.length - 1, 'name'))?.focus());
  };
  const removeArm = (index: number): void => {
    const removed = draft.arms[index];
    const arms = draft.arms.filter((_, i) => i !== index);
    onChange({
      arms,
      control_arm: removed !== undefined && removed.name.trim() === draft.control_arm ? '' : draft.control_arm,
    });
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const codes = [...new Set(draft.arms.map((arm) => arm.name.trim()).filter((code) => code !== ''))];
  const labelOf = (code: string): string => {
    const label = draft.arms.find((arm) => arm.name.trim() === code)?.label.trim() ?? '';
    return label === '' ? code : `${label} (${code})`;
  };
  return (
    <>
      <p>{t('experiments.design.armsIntro')}</p>
      {draft.arms.map((arm, index) => {
        const number = index + 1;
        const field = (part: string) => ({ id: armFieldId(index, part), error: errors[`arms.${index}.${part}`] });
        return (
          <fieldset key={arm.key} className="arm-fields" data-arm={index}>
            <legend className="h3">{t('experiments.design.arm', { number })}</legend>
            <TextField
              {...field('name')}
              label={t('experiments.design.armName')}
              helpText={t('experiments.design.armNameHelp')}
              width="input-width-m"
              autoComplete="off"
              spellCheck={false}
              characterLimit={40}
              value={arm.name}
              onChange={(event) => {
                setArm(index, { name: event.target.value });
              }}
            />
            <TextField
              {...field('label')}
              label={t('experiments.design.armLabel')}
              helpText={t('experiments.design.armLabelHelp')}
              width="input-width-xl"
              characterLimit={200}
              value={arm.label}
              onChange={(event) => {
                setArm(index, { label: event.target.value });
              }}
            />
            <TextField
              {...field('weight')}
              label={t('experiments.design.armWeight')}
              helpText={t('experiments.design.armWeightHelp')}
              width="input-width-xs"
              inputMode="numeric"
              value={arm.weight}
              onChange={(event) => {
                setArm(index, { weight: event.target.value });
              }}
            />
            <TextAreaField
              {...field('description')}
              label={t('experiments.design.armDescription')}
              helpText={t('experiments.design.armDescriptionHelp')}
              rows={3}
              characterLimit={2000}
              value={arm.description}
              onChange={(event) => {
                setArm(index, { description: event.target.value });
              }}
            />
            <TextField
              {...field('caseload_cap')}
              label={`${t('experiments.design.armCap')} ${t('form.optional')}`}
              helpText={t('experiments.design.armCapHelp')}
              width="input-width-xs"
              inputMode="numeric"
              value={arm.caseload_cap}
              onChange={(event) => {
                setArm(index, { caseload_cap: event.target.value });
              }}
            />
            {draft.arms.length > MIN_ARMS && (
              <button
                type="button"
                className="button button-secondary mt-4"
                onClick={() => {
                  removeArm(index);
                }}
              >
                {t('experiments.design.removeArm', { number })}
              </button>
            )}
          </fieldset>
        );
      })}
      {draft.arms.length < MAX_ARMS && (
        <button
          ref={addButton}
          id="design-add-arm"
          type="button"
          className="button button-secondary mt-5"
          onClick={addArm}
        >
          {t('experiments.design.addArm')}
        </button>
      )}
      <SelectField
        id="design-control"
        label={t('experiments.design.control')}
        helpText={t('experiments.design.controlHelp')}
        value={codes.includes(draft.control_arm) ? draft.control_arm : ''}
        error={errors.control_arm}
        options={[
          { value: '', label: t('experiments.design.chooseControl') },
          ...codes.map((code) => ({ value: code, label: labelOf(code) })),
        ]}
        onChange={(event) => {
          onChange({ control_arm: event.target.value });
        }}
      />
    </>
  );
}
