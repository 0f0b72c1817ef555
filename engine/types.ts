/**
 * The engine's type-only entry: every type of engine/index.ts, and nothing that runs. For code that
 * describes engine data without running the engine (the web client's consoles, the wire protocol):
 * an `import type` from here is erased from the bundle.
 */
export type * from './index.ts';
