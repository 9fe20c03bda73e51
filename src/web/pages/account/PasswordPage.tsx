// /adgangskode: change your own password, for every logged-in user. The server checks the
// current password and the new one's quality (length, common and leaked passwords, the
// person's own name); a change ends the person's other sessions.
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../core/password/policy.js';
import { api } from '../../api/browser.js';
import { changeMyPassword } from '../../api/me.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { useNotify } from '../../components/Notices.js';
import { Page } from '../../components/Page.js';
import { TextField } from '../../components/TextField.js';
import { characterCount } from '../../forms/validate.js';
import { useFormState } from '../../hooks/useFormState.js';
import { useUser } from '../../session/useUser.js';
import { withPasswordField } from './passwordProblems.js';

interface Draft {
  current: string;
  next: string;
  repeat: string;
}

const EMPTY: Draft = { current: '', next: '', repeat: '' };

export function PasswordPage() {
  const { t } = useTranslation();
  const user = useUser();
  const notify = useNotify();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const fields = useMemo(
    () => ({
      current_password: { id: 'password-current', label: t('account.current') },
      new_password: { id: 'password-new', label: t('account.new') },
      repeat_password: { id: 'password-repeat', label: t('account.repeat') },
    }),
    [t],
  );
  const form = useFormState(fields);

  const findings = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (draft.current === '') found.current_password = t('account.errors.currentMissing');
    if (draft.next === '') found.new_password = t('account.errors.newMissing');
    else if (characterCount(draft.next) < PASSWORD_MIN_LENGTH)
      found.new_password = t('account.errors.newTooShort', { min: PASSWORD_MIN_LENGTH });
    else if (draft.next === draft.current) found.new_password = t('account.errors.newSame');
    if (draft.repeat === '') found.repeat_password = t('account.errors.repeatMissing');
    else if (draft.next !== '' && draft.repeat !== draft.next)
      found.repeat_password = t('account.errors.repeatDiffers');
    return found;
  };

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    if (!form.check(findings())) return;
    void form
      .send(() =>
        withPasswordField('new_password', () =>
          changeMyPassword(api, { current_password: draft.current, new_password: draft.next }),
        ),
      )
      .then((ok) => {
        if (!ok) return;
        setDraft(EMPTY);
        notify(t('account.saved'), t('account.savedText'));
      });
  };

  return (
    <>
      <Breadcrumbs items={[{ text: t('start.title'), link: { to: '/' } }, { text: t('account.title') }]} />
      <Page title={t('account.title')}>
        <p className="font-lead">{t('account.lead')}</p>
        <ErrorSummary
          id="password-errors"
          heading={t('form.errorHeading')}
          headingLevel={2}
          problems={form.problems}
          attempt={form.attempt}
        />
        <form className="form" noValidate onSubmit={onSubmit} aria-label={t('account.title')}>
          {/* Tells a password manager whose password this is. */}
          <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
          <TextField
            id="password-current"
            name="current-password"
            type="password"
            autoComplete="current-password"
            label={t('account.current')}
            width="input-width-l"
            value={draft.current}
            error={form.fieldErrors.current_password}
            onChange={(event) => {
              setDraft({ ...draft, current: event.target.value });
            }}
          />
          <TextField
            id="password-new"
            name="new-password"
            type="password"
            autoComplete="new-password"
            label={t('account.new')}
            helpText={t('account.newHelp', { min: PASSWORD_MIN_LENGTH })}
            width="input-width-l"
            value={draft.next}
            error={form.fieldErrors.new_password}
            onChange={(event) => {
              setDraft({ ...draft, next: event.target.value });
            }}
          />
          <TextField
            id="password-repeat"
            name="repeat-password"
            type="password"
            autoComplete="new-password"
            label={t('account.repeat')}
            width="input-width-l"
            value={draft.repeat}
            error={form.fieldErrors.repeat_password}
            onChange={(event) => {
              setDraft({ ...draft, repeat: event.target.value });
            }}
          />
          <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
            {form.pending ? t('account.saving') : t('account.submit')}
          </button>
        </form>
      </Page>
    </>
  );
}
