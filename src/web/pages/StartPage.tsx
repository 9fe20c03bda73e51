// The start page: one section per role the user holds, saying what that role will do here.
import { useTranslation } from 'react-i18next';
import type { SessionBody, SessionUser } from '../api/session.js';
import { Alert } from '../components/Alert.js';
import { Page } from '../components/Page.js';
import { formatDate } from '../i18n/format.js';
import { useLanguage } from '../i18n/index.js';
import { knownRoles, type Role } from '../roles.js';
import { StartTools } from './queue/StartTools.js';

function RoleItems({ role, headingLevel }: { role: Role; headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const items = Object.values(t(`start.roles.${role}.items`, { returnObjects: true }));
  return (
    <>
      <Heading>{t('start.comingHeading')}</Heading>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}

/** What already exists for a role, as plain links (they leave the app). */
const EXISTING: Partial<Record<Role, readonly { href: string; text: 'start.apiDocs' }[]>> = {
  municipality_admin: [{ href: '/api/docs', text: 'start.apiDocs' }],
};

function RoleLinks({ role, headingLevel }: { role: Role; headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  const links = EXISTING[role];
  if (links === undefined) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <Heading>{t('start.existingHeading')}</Heading>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href}>{t(link.text)}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

function RoleSection({ role, user }: { role: Role; user: SessionUser }) {
  const { t } = useTranslation();
  const headingId = `role-${role}`;
  return (
    <section className="role-section" aria-labelledby={headingId} data-role={role}>
      <h2 id={headingId}>{t(`start.roles.${role}.title`)}</h2>
      <p className="font-lead">{t(`start.roles.${role}.lead`)}</p>
      <StartTools role={role} user={user} headingLevel={3} />
      <RoleItems role={role} headingLevel={3} />
      <RoleLinks role={role} headingLevel={3} />
    </section>
  );
}

function Today() {
  const { t } = useTranslation();
  const language = useLanguage();
  return <p>{t('start.today', { date: formatDate(new Date(), language, 'full') })}</p>;
}

function UnderConstruction() {
  const { t } = useTranslation();
  return (
    <Alert variant="info" heading={t('start.underConstructionHeading')}>
      <p>{t('start.underConstructionText')}</p>
    </Alert>
  );
}

function StartContent({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const roles = knownRoles(user.roles);
  const [only] = roles;

  if (only === undefined) {
    return (
      <Page title={t('start.welcome', { name: user.name })}>
        <Alert variant="warning" heading={t('start.noRolesHeading')} announce={false}>
          <p>{t('start.noRolesText')}</p>
        </Alert>
      </Page>
    );
  }
  if (roles.length === 1) {
    return (
      <Page title={t(`start.roles.${only}.title`)}>
        <p className="font-lead">{t(`start.roles.${only}.lead`)}</p>
        <Today />
        <StartTools role={only} user={user} headingLevel={2} />
        <UnderConstruction />
        <section className="role-section" data-role={only}>
          <RoleItems role={only} headingLevel={2} />
          <RoleLinks role={only} headingLevel={2} />
        </section>
      </Page>
    );
  }
  return (
    <Page title={t('start.welcome', { name: user.name })}>
      <p className="font-lead">{t('start.severalRoles')}</p>
      <Today />
      <UnderConstruction />
      {roles.map((role) => (
        <RoleSection key={role} role={role} user={user} />
      ))}
    </Page>
  );
}

export function StartPage({ session }: { session: SessionBody }) {
  if (session.user === null) return null;
  return <StartContent user={session.user} />;
}
