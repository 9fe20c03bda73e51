// For a team leader without a caseload of their own: which caseworker of their teams the new
// case goes to (a case without one would belong to no team, and so to nobody's view).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import type { SessionUser } from '../../api/session.js';
import { fetchCaseloads, fetchTeams, type Caseload } from '../../api/teams.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { SelectField } from '../../components/SelectField.js';
import { asApiError } from '../../api/client.js';

interface Candidate extends Caseload {
  cap: number;
}

async function candidatesOf(user: SessionUser): Promise<Candidate[]> {
  const teams = (await fetchTeams(api)).filter((team) => team.leader?.id === user.id);
  const loads = await Promise.all(teams.map((team) => fetchCaseloads(api, team.id)));
  return loads.flatMap((load) =>
    load.members
      .filter((member) => member.roles.includes('caseworker'))
      .map((member) => ({ ...member, cap: load.team.caseload_cap })),
  );
}

interface CaseworkerFieldProps {
  id: string;
  user: SessionUser;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

export function CaseworkerField({ id, user, value, onChange, error }: CaseworkerFieldProps) {
  const { t } = useTranslation();
  // Under 'teams' so that a reassignment or a new case refreshes the counts.
  const query = useQuery({ queryKey: ['teams', 'candidates', user.id], queryFn: () => candidatesOf(user) });
  if (query.isError) {
    return <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} headingLevel={3} />;
  }
  const candidates = query.data ?? [];
  return (
    <SelectField
      id={id}
      label={t('register.caseworker')}
      helpText={t('register.caseworkerHelp')}
      value={value}
      error={error}
      options={[
        { value: '', label: query.isPending ? t('app.loading') : t('form.choose') },
        ...candidates.map((member) => ({
          value: member.id,
          label: t(member.open_cases >= member.cap ? 'case.reassign.optionFull' : 'case.reassign.option', {
            name: member.name,
            open: member.open_cases,
            cap: member.cap,
          }),
        })),
      ]}
      onChange={(event) => {
        onChange(event.target.value);
      }}
    />
  );
}
