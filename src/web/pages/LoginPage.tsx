// Log in with e-mail and password. Problems show in a DKFDS error summary above the form;
// the page never reloads, so the typed e-mail address survives a failed attempt.
import { useLocation, useNavigate } from '@tanstack/react-router';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { Alert } from '../components/Alert.js';
import { ErrorSummary, type FormProblem } from '../components/ErrorSummary.js';
import { Page } from '../components/Page.js';
import { TextField } from '../components/TextField.js';
import { LoginBody } from '../forms/schemas.js';
import { useSchemaCheck } from '../forms/useSchemaCheck.js';
import { problemsOf } from '../hooks/problems.js';
import { useSession } from '../session/SessionContext.js';

const EMAIL_ID = 'login-email';
const PASSWORD_ID = 'login-password';

interface FieldErrors {
  email?: string;
  password?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { logIn } = useSession();
  const loggedOut = useLocation({ select: (location) => location.state.loggedOut === true });
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const fields = useMemo(
    () => ({
      email: { id: EMAIL_ID, label: t('login.email'), subject: t('validation.subjects.email') },
      password: { id: PASSWORD_ID, label: t('login.password'), subject: t('validation.subjects.password') },
    }),
    [t],
  );
  const checkBody = useSchemaCheck(fields);

  const fail = (next: FormProblem[], errors: FieldErrors = {}): void => {
    setProblems(next);
    setFieldErrors(errors);
    setAttempt((n) => n + 1);
  };

  const serverProblem = (error: unknown): FormProblem => {
    if (!(error instanceof ApiError) || error.code === 'network_error' || error.code === 'unexpected_response') {
      return { message: t('login.failed') };
    }
    // A back-off is not about what was typed, so it links to no field.
    return error.code === 'login_locked' || error.code === 'rate_limited'
      ? { message: error.message }
      : { message: error.message, fieldId: EMAIL_ID };
  };

  const submit = async (): Promise<void> => {
    const own: Record<string, string> = {};
    if (email.trim() === '') own.email = t('login.emailMissing');
    if (password === '') own.password = t('login.passwordMissing');
    const found = checkBody(LoginBody, { email: email.trim(), password }, own);
    if (Object.keys(found).length > 0) {
      fail(problemsOf(found, fields).problems, { email: found.email, password: found.password });
      return;
    }
    setPending(true);
    try {
      await logIn(email.trim(), password);
      await navigate({ to: '/', replace: true });
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
      {problems.length === 0 && loggedOut && (
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
