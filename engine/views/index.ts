/** Per-audience projections of the exercise state. */
export { project, eventsFor } from './project.ts';
export { blueView } from './blue.ts';
export { redView } from './red.ts';
export { presentationView } from './presentation.ts';
export { whiteView, evaluatorView, adjudicationQueue } from './white.ts';
export * from './types.ts';
