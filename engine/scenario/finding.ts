/** What a check of a scenario value finds, before it is located in the source text (validate.ts locates it). */
import type { PathSegment } from '../lib/diagnostic.ts';

export interface Finding {
  path: readonly PathSegment[];
  message: string;
  severity: 'error' | 'warning';
  /** For unknown keys: point at this key of the map at `path` rather than at the map. */
  key?: string;
}
