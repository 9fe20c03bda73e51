export {
  evaluateExperiment,
  armProblems,
  type EvaluationResult,
  type ExperimentData,
  type BalanceRow,
  type StratumRow,
} from './evaluate.js';
export { ExperimentInput } from './experiment-input.js';
export { formatEvaluationText } from './format-text.js';
export { WEEK_STATUSES, type WeekStatus } from './status.js';
export { MAX_PROBLEMS } from './problems.js';
