// /administration/regler: which dated rule sets judge the municipality's deadlines — the ones
// Medspiller ships (the law, a municipality's policy) and local ones of its own as JSON. Saving
// sends the version read; every open case's deadlines are worked out again afterwards.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { ApiError, asApiError, listedProblems } from '../../api/client.js';
import { ruleSettingsQuery } from '../../api/queries.js';
import { chooseRuleSets, type RuleSetSummary, type RuleSettings } from '../../api/settings.js';
import { Alert } from '../../components/Alert.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { CheckboxGroup } from '../../components/CheckboxGroup.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { LoadFailed } from '../../components/LoadFailed.js';
import { NoAccess } from '../../components/NoAccess.js';
import { useNotify } from '../../components/Notices.js';
import { Page } from '../../components/Page.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';
import { Spinner } from '../../components/Spinner.js';
import { TextAreaField } from '../../components/TextAreaField.js';
import { useConflict } from '../../hooks/useConflict.js';
import { useFormState } from '../../hooks/useFormState.js';
import { formatIsoDate, inLanguage } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { useUser } from '../../session/useUser.js';
import './admin.css';

const localText = (sets: readonly unknown[]): string => (sets.length === 0 ? '' : JSON.stringify(sets, null, 2));

/** The local sets typed in: nothing, one set or a list of them; null when it is not JSON. */
function parseLocal(text: string): unknown[] | null {
  if (text.trim() === '') return [];
  try {
    const value: unknown = JSON.parse(text);
    const sets: unknown[] = Array.isArray(value) ? value : [value];
    return sets;
  } catch {
    return null;
  }
}

function RuleSetTable({ set, inUse }: { set: RuleSetSummary; inUse: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = inLanguage(language, set.name, set.name_en);
  const headingId = `rule-set-${set.id}`;
  return (
    <section aria-labelledby={headingId} className="rule-set" data-rule-set={set.id}>
      <h3 id={headingId}>
        {name}{' '}
        <strong className={inUse ? 'badge badge-success' : 'badge'}>
          {inUse ? t('admin.rules.inUse') : t('admin.rules.notInUse')}
        </strong>
      </h3>
      <ScrollRegion label={t('admin.rules.caption', { name })}>
        <table className="table table--compact">
          <caption className="sr-only">{t('admin.rules.caption', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.rules.columns.title')}</th>
              <th scope="col">{t('admin.rules.columns.basis')}</th>
              <th scope="col">{t('admin.rules.columns.validFrom')}</th>
              <th scope="col">{t('admin.rules.columns.validTo')}</th>
            </tr>
          </thead>
          <tbody>
            {set.rules.map((rule) => (
              <tr key={`${rule.id}:${rule.valid_from}`} data-rule={rule.id}>
                <td>{rule.title}</td>
                <td>{rule.basis}</td>
                <td className="text-nowrap">{formatIsoDate(rule.valid_from, language, 'short')}</td>
                <td className="text-nowrap">
                  {rule.valid_to === null
                    ? t('admin.rules.untilFurther')
                    : formatIsoDate(rule.valid_to, language, 'short')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

function RulesForm({ settings }: { settings: RuleSettings }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [read, setRead] = useState(settings);
  const [chosen, setChosen] = useState<string[]>(settings.rule_set_ids);
  const [local, setLocal] = useState(localText(settings.local_rule_sets));
  const fields = useMemo(
    () => ({
      rule_set_ids: { id: 'rules-chosen-0', label: t('admin.rules.form.chosen') },
      local_rule_sets: { id: 'rules-local', label: t('admin.rules.form.local') },
    }),
    [t],
  );
  const apply = useCallback(
    (current: RuleSettings | undefined) => {
      if (current === undefined) return;
      setRead(current);
      setChosen(current.rule_set_ids);
      setLocal(localText(current.local_rule_sets));
      queryClient.setQueryData(ruleSettingsQuery().queryKey, current);
    },
    [queryClient],
  );
  const conflict = useConflict<RuleSettings>(apply, 'available');
  const form = useFormState(fields, conflict.onConflict);

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (form.pending) return;
    conflict.clear();
    const localSets = parseLocal(local);
    const found: Record<string, string> = {};
    if (chosen.length === 0 && (localSets === null || localSets.length === 0))
      found.rule_set_ids = t('admin.rules.errors.none');
    if (localSets === null) found.local_rule_sets = t('admin.rules.errors.json');
    if (!form.check(found) || localSets === null) return;
    let saved: RuleSettings | undefined;
    void form
      .send(async () => {
        try {
          saved = await chooseRuleSets(api, {
            rule_set_ids: chosen,
            local_rule_sets: localSets,
            version: read.version,
          });
        } catch (error) {
          const problems = error instanceof ApiError && error.code === 'invalid_input' ? listedProblems(error) : [];
          if (problems.length === 0) throw error;
          // The rule engine names each problem by its path; they are about the local sets unless a chosen id is unknown.
          const field = problems.every((problem) => problem.startsWith('local_rule_sets'))
            ? 'local_rule_sets'
            : 'rule_set_ids';
          throw new ApiError(
            400,
            'invalid_input',
            `${field}: ${t('admin.rules.errors.server')} ${problems.join(' · ')}`,
          );
        }
      })
      .then((ok) => {
        if (!ok || saved === undefined) return;
        apply(saved);
        // Deadlines are worked out again on the server: what the queue and the cases show changes.
        void queryClient.invalidateQueries({
          predicate: (query) => ['work-queue', 'case', 'cases'].includes(String(query.queryKey[0])),
        });
        notify(t('admin.rules.saved'), t('admin.rules.savedText'));
      });
  };

  return (
    <>
      <ErrorSummary
        id="rules-errors"
        heading={t('form.errorHeading')}
        problems={form.problems}
        attempt={form.attempt}
      />
      {conflict.shown && (
        <Alert variant="warning" heading={t('admin.rules.conflict')} headingLevel={3}>
          <p>{t('admin.rules.conflictText')}</p>
        </Alert>
      )}
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="rules-form-heading">
        <CheckboxGroup
          id="rules-chosen"
          legend={t('admin.rules.form.chosen')}
          helpText={t('admin.rules.form.chosenHelp')}
          options={read.available.map((set) => ({ value: set.id, label: inLanguage(language, set.name, set.name_en) }))}
          values={chosen}
          error={form.fieldErrors.rule_set_ids}
          onChange={(values) => {
            setChosen(values);
            conflict.clear();
          }}
        />
        <TextAreaField
          id="rules-local"
          label={t('admin.rules.form.local')}
          helpText={t('admin.rules.form.localHelp')}
          optional
          rows={local === '' ? 4 : 12}
          spellCheck={false}
          value={local}
          error={form.fieldErrors.local_rule_sets}
          onChange={(event) => {
            setLocal(event.target.value);
            conflict.clear();
          }}
        />
        <button type="submit" className="button button-primary mt-5" aria-disabled={form.pending}>
          {form.pending ? t('admin.rules.form.saving') : t('admin.rules.form.submit')}
        </button>
      </form>
    </>
  );
}

export function RulesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const allowed = user.roles.includes('municipality_admin');
  const query = useQuery({ ...ruleSettingsQuery(), enabled: allowed });
  if (!allowed) return <NoAccess title={t('admin.rules.title')} />;
  const settings = query.data;
  return (
    <>
      <Breadcrumbs
        items={[
          { text: t('start.title'), link: { to: '/' } },
          { text: t('admin.title'), link: { to: '/administration' } },
          { text: t('admin.rules.title') },
        ]}
      />
      <Page title={t('admin.rules.title')}>
        <p className="font-lead">{t('admin.rules.lead')}</p>
        {query.isError && <LoadFailed error={asApiError(query.error)} onRetry={() => void query.refetch()} />}
        {settings === undefined ? (
          query.isPending && <Spinner text={t('admin.rules.loading')} />
        ) : (
          <>
            <section aria-labelledby="rules-form-heading">
              <h2 id="rules-form-heading">{t('admin.rules.form.heading')}</h2>
              <p>
                {settings.version === 0
                  ? t('admin.rules.usingDefault')
                  : t('admin.rules.localCount', { count: settings.local_rule_sets.length })}
              </p>
              <RulesForm settings={settings} />
            </section>
            <section aria-labelledby="rules-available-heading" className="mt-7">
              <h2 id="rules-available-heading">{t('admin.rules.availableHeading')}</h2>
              <p>{t('admin.rules.availableIntro')}</p>
              {settings.available.map((set) => (
                <RuleSetTable key={set.id} set={set} inUse={settings.rule_set_ids.includes(set.id)} />
              ))}
            </section>
          </>
        )}
      </Page>
    </>
  );
}
