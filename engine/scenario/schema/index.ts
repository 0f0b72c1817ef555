/** The scenario format: one zod definition, from which the JSON Schema and the TypeScript types derive. */
export * from './common.ts';
export * from './network.ts';
export * from './red.ts';
export * from './blue.ts';
export * from './injects.ts';
export * from './scenario.ts';
