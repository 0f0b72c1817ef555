// Entry of a sweep worker thread when the pool runs from the TypeScript sources (tests); the compiled
// command line starts lib/sweep-worker.js instead. Worker threads do not inherit the main thread's TypeScript loader,
// and `execArgv: ['--import', 'tsx']` resolves tsx from the current directory (fails outside the
// checkout) and, on Node 20, loads the entry before the hook; registering tsx here always works.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
