/**
 * The scenario format: one zod definition, from which the JSON Schema and the TypeScript types derive;
 * its closed lists come from the vocabulary (zod-free, for the web client).
 */
export * from '../vocabulary.ts';
export * from './common.ts';
export * from './network.ts';
export * from './red.ts';
export * from './blue.ts';
export * from './injects.ts';
export * from './moves.ts';
export * from './scenario.ts';
