import { describe, expect, it } from 'vitest';
import { trackAfterVisitation, visitationTrackProblem } from './visitation.js';

describe('visitationTrackProblem', () => {
  it('wants a track with an activity-ready visitation', () => {
    expect(visitationTrackProblem('activity_ready', 'step_up')).toBeUndefined();
    expect(visitationTrackProblem('activity_ready', undefined)).toBe('track_missing');
  });

  it('refuses a track with a job-ready visitation', () => {
    expect(visitationTrackProblem('job_ready', undefined)).toBeUndefined();
    expect(visitationTrackProblem('job_ready', 'near_job_ready')).toBe('track_for_job_ready');
  });
});

describe('trackAfterVisitation', () => {
  it('keeps the chosen track of an activity-ready citizen and ends a job-ready one', () => {
    expect(trackAfterVisitation('activity_ready', 'rehab_team')).toBe('rehab_team');
    expect(trackAfterVisitation('job_ready', undefined)).toBeNull();
  });
});
