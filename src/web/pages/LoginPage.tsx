// Log in with e-mail and password. Problems show in a DKFDS error summary above the form;
// the page never reloads, so the typed e-mail address survives a failed attempt.
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { Alert } from '../components/Alert.js';
import { ErrorSummary, type FormProblem } from '../components/ErrorSummary.js';
import { Page } from '../components/Page.js';
import { TextField } from '../components/TextField.js';
import { navigate, useLocation } from '../router/history.js';
import { PATHS } from '../router/routes.js';
import { useSession } from '../session/SessionContext.js';

const EMAIL_ID = 'login-email';
const PASSWORD_ID = 'login-password';

interface FieldErrors {
  email?: string;
  password?: string;
}

/** Set as history state by the log-out action, so the login page can confirm it. */
export const LOGGED_OUT_STATE = { loggedOut: true } as const;

function cameFromLogOut(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'loggedOut' in state && state.loggedOut === true;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { logIn } = useSession();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  const fail = (next: FormProblem[], errors: FieldErrors = {}): void => {
    setProblems(next);
    setFieldErrors(errors);
    setAttempt((n) => n + 1);
  };

  const serverProblem = (error: unknown): FormProblem => {
    if (!(error instanceof ApiError) || error.code === 'network_error' || error.code === 'unexpected_response') {
      return { message: t('login.failed') };
    }
    // A locked account is not about what was typed, so it links to no field.
    return error.code === 'login_locked' ? { message: error.message } : { message: error.message, fieldId: EMAIL_ID };
  };

  const submit = async (): Promise<void> => {
    const errors: FieldErrors = {};
    if (email.trim() === '') errors.email = t('login.emailMissing');
    if (password === '') errors.password = t('login.passwordMissing');
    const missing: FormProblem[] = [];
    if (errors.email !== undefined) missing.push({ message: errors.email, fieldId: EMAIL_ID });
    if (errors.password !== undefined) missing.push({ message: errors.password, fieldId: PASSWORD_ID });
    if (missing.length > 0) {
      fail(missing, errors);
      return;
    }
    setPending(true);
    try {
      await logIn(email.trim(), password);
      navigate(PATHS.start, { replace: true });
    } catch (error) {
      setPassword('');
      fail([serverProblem(error)]);
    } finally {
      setPending(false);
    }
  };

  const onSubmit = (event: SyntheticEvent<HTMLFormElement, SubmitEvent>): void => {
    event.preventDefault();
    if (pending) return;
    void submit();
  };

  return (
    <Page title={t('login.title')}>
      {problems.length === 0 && cameFromLogOut(location.state) && (
        <Alert variant="success" heading={t('login.loggedOutHeading')}>
          <p>{t('login.loggedOutText')}</p>
        </Alert>
      )}
      <p className="font-lead">{t('login.intro')}</p>
      <ErrorSummary
        id="error-summary"
        headingLevel={2}
        heading={t('login.errorHeading')}
        problems={problems}
        attempt={attempt}
      />
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t('login.title')}>
        <TextField
          id={EMAIL_ID}
          name="email"
          type="email"
          label={t('login.email')}
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          required
          width="input-width-l"
          value={email}
          error={fieldErrors.email}
          onChange={(event) => {
            setEmail(event.target.value);
          }}
        />
        <TextField
          id={PASSWORD_ID}
          name="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          required
          width="input-width-l"
          value={password}
          error={fieldErrors.password}
          onChange={(event) => {
            setPassword(event.target.value);
          }}
        />
        <button type="submit" className="button button-primary mt-6" aria-disabled={pending}>
          {pending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </Page>
  );
}
