// Which visitation takes a track (Halsnæs' policy): an activity-ready citizen is placed in one of
// the tracks at the visitation, a job-ready citizen in none. The one rule, used by the server
// before it records a visitation and by the web app's form before it sends one.
import type { Category, Track } from '../vocabulary.js';

export type VisitationProblemCode = 'track_missing' | 'track_for_job_ready';

/** What is wrong with the track a visitation comes with; undefined when nothing is. */
export function visitationTrackProblem(
  category: Category,
  track: Track | undefined,
): VisitationProblemCode | undefined {
  if (category === 'activity_ready') return track === undefined ? 'track_missing' : undefined;
  return track === undefined ? undefined : 'track_for_job_ready';
}

/** The track the case has after the visitation: a job-ready citizen's track ends. */
export function trackAfterVisitation(category: Category, track: Track | undefined): Track | null {
  return category === 'activity_ready' ? (track ?? null) : null;
}
