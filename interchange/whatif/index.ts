/** What-if findings pinned into the after-action report and carried in packages (engine/branch makes the branches). */
export { findingProblem, pinFinding, reported, type PinInput, type WhatIfFinding, type WhatIfReported } from './finding.ts';
