// The masked CPR number, and "Vis fuldt CPR-nummer": the whole number only for a stated
// purpose, which the server logs. It is kept in this component alone and never stored.
import { useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { revealCpr } from '../../api/cases.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/TextField.js';
import { useFormState } from '../../hooks/useFormState.js';

export function RevealCpr({ caseId, masked }: { caseId: string; masked: string }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'masked' | 'asking' | 'shown'>('masked');
  const [purpose, setPurpose] = useState('');
  const [cpr, setCpr] = useState('');
  const shown = useRef<HTMLSpanElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const fields = useMemo(() => ({ purpose: { id: 'reveal-purpose', label: t('case.cpr.purpose') } }), [t]);
  const form = useFormState(fields);

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    if (!form.check(purpose.trim() === '' ? { purpose: t('case.cpr.purposeMissing') } : {})) return;
    void form
      .send(async () => {
        setCpr((await revealCpr(api, caseId, purpose.trim())).cpr);
      })
      .then((ok) => {
        if (!ok) return;
        setMode('shown');
        setPurpose('');
        requestAnimationFrame(() => shown.current?.focus());
      });
  };

  const hide = (): void => {
    setCpr('');
    setMode('masked');
    requestAnimationFrame(() => toggle.current?.focus());
  };

  if (mode === 'shown') {
    return (
      <>
        <span ref={shown} tabIndex={-1} className="cpr-value" data-testid="cpr-full">
          {cpr}
        </span>{' '}
        <button type="button" className="function-link" onClick={hide}>
          {t('case.cpr.hide')}
        </button>
      </>
    );
  }
  return (
    <>
      <span className="cpr-value">{masked}</span>{' '}
      {mode === 'masked' ? (
        <button
          ref={toggle}
          type="button"
          className="function-link"
          onClick={() => {
            setMode('asking');
            requestAnimationFrame(() => document.getElementById('reveal-purpose')?.focus());
          }}
        >
          {t('case.cpr.show')}
        </button>
      ) : (
        <form className="form reveal-cpr" noValidate onSubmit={onSubmit} aria-label={t('case.cpr.show')}>
          <ErrorSummary
            id="reveal-errors"
            heading={t('form.errorHeading')}
            problems={form.problems}
            attempt={form.attempt}
          />
          <TextField
            id="reveal-purpose"
            label={t('case.cpr.purpose')}
            helpText={t('case.cpr.purposeHelp')}
            autoComplete="off"
            width="input-width-l"
            characterLimit={500}
            value={purpose}
            error={form.fieldErrors.purpose}
            onChange={(event) => {
              setPurpose(event.target.value);
            }}
          />
          <div className="button-group mt-4">
            <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
              {t('case.cpr.submit')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                form.clear();
                setMode('masked');
                requestAnimationFrame(() => toggle.current?.focus());
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
