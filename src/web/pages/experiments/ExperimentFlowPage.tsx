// The experiment pages, by route. All of them need a logged-in user.
import type { SessionUser } from '../../api/session.js';
import type { ExperimentRoute } from '../../router/routes.js';
import { DesignPage } from './DesignPage.js';
import { ExperimentPage } from './ExperimentPage.js';
import { ExperimentsPage } from './ExperimentsPage.js';
import { ReportPage } from './ReportPage.js';
import './experiments.css';

export function ExperimentFlowPage({ route, user }: { route: ExperimentRoute; user: SessionUser }) {
  switch (route.name) {
    case 'experiments':
      return <ExperimentsPage user={user} />;
    case 'newExperiment':
      return <DesignPage user={user} />;
    case 'editExperiment':
      return <DesignPage key={route.experimentId} user={user} experimentId={route.experimentId} />;
    case 'experiment':
      return <ExperimentPage key={route.experimentId} experimentId={route.experimentId} user={user} />;
    case 'experimentReport':
      return <ReportPage key={route.experimentId} experimentId={route.experimentId} user={user} />;
  }
}
