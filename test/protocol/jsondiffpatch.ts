/**
 * jsondiffpatch's own patch, the reference the protocol's deltas are held to: a delta from diffViews
 * applied by it must give the new view, and patchShared (protocol/patch.ts) must give the same.
 */
import { create } from 'jsondiffpatch';
import type { ViewPatch } from '../../protocol/index.ts';

const patcher = create({});

/** Applies a patch to a copy of `view` and returns the copy (the input is left untouched). */
export function applyViewPatch<V>(view: V, patch: ViewPatch): V {
  if (patch === undefined) return view;
  return patcher.patch(structuredClone(view), patch) as V;
}
