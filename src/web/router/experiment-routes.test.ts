import { describe, it, expect } from 'vitest';
import { editExperimentPath, experimentPath, experimentReportPath, isExperimentRoute, matchRoute } from './routes.js';

const ID = '8551dbea-1af7-47b4-9b90-6daa7d171c0e';

describe('experiment routes', () => {
  it('knows the list, the new design, an experiment, its edit page and its report', () => {
    expect(matchRoute('/forsoeg')).toEqual({ name: 'experiments' });
    expect(matchRoute('/forsoeg/ny/')).toEqual({ name: 'newExperiment' });
    expect(matchRoute(`/forsoeg/${ID}`)).toEqual({ name: 'experiment', experimentId: ID });
    expect(matchRoute(`/forsoeg/${ID}/ret`)).toEqual({ name: 'editExperiment', experimentId: ID });
    expect(matchRoute(`/forsoeg/${ID}/rapport`)).toEqual({ name: 'experimentReport', experimentId: ID });
  });

  it('gives anything else under /forsoeg the 404 page', () => {
    expect(matchRoute('/forsoeg/123')).toEqual({ name: 'notFound', path: '/forsoeg/123' });
    expect(matchRoute(`/forsoeg/${ID}/data`)).toEqual({ name: 'notFound', path: `/forsoeg/${ID}/data` });
  });

  it('builds the addresses it matches', () => {
    for (const path of [experimentPath(ID), editExperimentPath(ID), experimentReportPath(ID)])
      expect(isExperimentRoute(matchRoute(path))).toBe(true);
    expect(isExperimentRoute(matchRoute('/sager'))).toBe(false);
  });
});
