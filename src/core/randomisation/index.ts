export { Pcg32, shuffle } from './pcg32.js';
export { sha256 } from './sha256.js';
export { seedBytes, stratumGenerator } from './seed.js';
export { parseArms, checkArms, canonicalArms, MAX_TOTAL_WEIGHT, type ArmWeight, type ArmsResult } from './arms.js';
export { AllocationStream, allocationSequence, allocationAt, type Slot } from './sequence.js';
export {
  allocateCitizens,
  allocateTable,
  type Allocation,
  type AllocationProblem,
  type AllocationResult,
  type AllocationTable,
  type AllocationTableResult,
  type CitizenToAllocate,
} from './batch.js';
export { stringOrder, type StringOrder } from './order.js';
