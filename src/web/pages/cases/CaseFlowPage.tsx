// The case-flow pages, by route. All of them need a logged-in user.
import type { SessionUser } from '../../api/session.js';
import type { Route } from '../../router/routes.js';
import { WorkQueuePage } from '../queue/WorkQueuePage.js';
import { TeamPage } from '../team/TeamPage.js';
import { CasePage } from './CasePage.js';
import { CaseSearchPage } from './CaseSearchPage.js';
import { RegisterCitizenPage } from './RegisterCitizenPage.js';
import './cases.css';

export type CaseFlowRoute = Extract<Route, { name: 'workQueue' | 'caseSearch' | 'registerCitizen' | 'case' | 'team' }>;

export function CaseFlowPage({ route, user }: { route: CaseFlowRoute; user: SessionUser }) {
  switch (route.name) {
    case 'workQueue':
      return <WorkQueuePage user={user} />;
    case 'caseSearch':
      return <CaseSearchPage user={user} />;
    case 'registerCitizen':
      return <RegisterCitizenPage user={user} />;
    case 'case':
      // A new key per case: nothing typed on one case's forms survives into another's.
      return <CasePage key={route.caseId} caseId={route.caseId} user={user} />;
    case 'team':
      return <TeamPage user={user} />;
  }
}
