// "Opret en bruger": a member of staff with their roles, a first password and, if they do case
// work, their team. The server refuses an e-mail address already in use and a weak password.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffRole } from '../../../core/access/roles.js';
import { PASSWORD_MIN_LENGTH } from '../../../core/password/policy.js';
import { api } from '../../api/browser.js';
import { ApiError } from '../../api/client.js';
import { teamsQuery } from '../../api/queries.js';
import { createUser, type NewUser, type UserBody } from '../../api/users.js';
import { CheckboxGroup } from '../../components/CheckboxGroup.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField } from '../../components/SelectField.js';
import { TextField } from '../../components/TextField.js';
import { limitsOf } from '../../forms/limits.js';
import { NewUser as NewUserSchema } from '../../forms/schemas.js';
import { useSchemaCheck } from '../../forms/useSchemaCheck.js';
import { characterCount } from '../../forms/validate.js';
import { useFormState } from '../../hooks/useFormState.js';
import { withPasswordField } from '../account/passwordProblems.js';

interface Draft {
  name: string;
  email: string;
  roles: StaffRole[];
  teamId: string;
  password: string;
}

const EMPTY: Draft = { name: '', email: '', roles: [], teamId: '', password: '' };

/** An address someone else already uses is a problem with the e-mail field, not the whole form. */
function onEmailField(error: unknown): unknown {
  if (error instanceof ApiError && error.code === 'conflict' && error.details.reason === 'email_unavailable')
    return new ApiError(400, 'invalid_input', `email: ${error.message}`, error.details);
  return error;
}

export function NewUserForm({ onCreated }: { onCreated: (user: UserBody) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const teams = useQuery(teamsQuery());
  const fields = useMemo(
    () => ({
      name: { id: 'new-user-name', label: t('admin.users.form.name'), subject: t('validation.subjects.name') },
      email: { id: 'new-user-email', label: t('admin.users.form.email'), subject: t('validation.subjects.email') },
      roles: { id: 'new-user-roles-0', label: t('admin.users.form.roles') },
      team_id: { id: 'new-user-team', label: t('admin.users.form.team') },
      password: {
        id: 'new-user-password',
        label: t('admin.users.form.password'),
        subject: t('validation.subjects.password'),
      },
    }),
    [t],
  );
  const form = useFormState(fields);
  const checkBody = useSchemaCheck(fields);

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    const body: NewUser = {
      name: draft.name.trim(),
      email: draft.email.trim(),
      roles: draft.roles,
      password: draft.password,
      ...(draft.teamId === '' ? {} : { team_id: draft.teamId }),
    };
    const own = {
      roles: draft.roles.length === 0 ? t('admin.users.errors.roles') : undefined,
      password:
        draft.password !== '' && characterCount(draft.password) < PASSWORD_MIN_LENGTH
          ? t('admin.users.errors.passwordShort', { min: PASSWORD_MIN_LENGTH })
          : undefined,
    };
    if (!form.check(checkBody(NewUserSchema, body, own))) return;
    let created: UserBody | undefined;
    void form
      .send(async () => {
        try {
          created = await withPasswordField('password', () => createUser(api, body));
        } catch (error) {
          throw onEmailField(error);
        }
      })
      .then((ok) => {
        if (!ok || created === undefined) return;
        setDraft(EMPTY);
        onCreated(created);
      });
  };

  const teamOptions = [
    { value: '', label: t('admin.users.form.noTeam') },
    ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
  ];

  return (
    <>
      <ErrorSummary
        id="new-user-errors"
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="new-user-heading">
        <TextField
          id="new-user-name"
          name="name"
          autoComplete="off"
          label={t('admin.users.form.name')}
          width="input-width-l"
          characterLimit={limitsOf(NewUserSchema, 'name').maxLength}
          value={draft.name}
          error={form.fieldErrors.name}
          onChange={(event) => {
            setDraft({ ...draft, name: event.target.value });
          }}
        />
        <TextField
          id="new-user-email"
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          label={t('admin.users.form.email')}
          helpText={t('admin.users.form.emailHelp')}
          width="input-width-l"
          value={draft.email}
          error={form.fieldErrors.email}
          onChange={(event) => {
            setDraft({ ...draft, email: event.target.value });
          }}
        />
        <CheckboxGroup
          id="new-user-roles"
          legend={t('admin.users.form.roles')}
          helpText={t('admin.users.form.rolesHelp')}
          options={STAFF_ROLES.map((role) => ({ value: role, label: t(`start.roles.${role}.name`) }))}
          values={draft.roles}
          error={form.fieldErrors.roles}
          onChange={(roles) => {
            setDraft({ ...draft, roles });
          }}
        />
        <SelectField
          id="new-user-team"
          label={t('admin.users.form.team')}
          helpText={t('admin.users.form.teamHelp')}
          optional
          options={teamOptions}
          value={draft.teamId}
          error={form.fieldErrors.team_id}
          onChange={(event) => {
            setDraft({ ...draft, teamId: event.target.value });
          }}
        />
        <TextField
          id="new-user-password"
          name="new-user-password"
          type="password"
          autoComplete="new-password"
          label={t('admin.users.form.password')}
          helpText={t('admin.users.form.passwordHelp', { min: PASSWORD_MIN_LENGTH })}
          width="input-width-l"
          value={draft.password}
          error={form.fieldErrors.password}
          onChange={(event) => {
            setDraft({ ...draft, password: event.target.value });
          }}
        />
        <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
          {form.pending ? t('admin.users.form.saving') : t('admin.users.form.submit')}
        </button>
      </form>
    </>
  );
}
