/** Finds loops in step preconditions (requires and requiresAny): such steps wait for each other forever. */

/**
 * Each cycle found by a depth-first search, as the list of ids around it (first id repeated at the
 * end), with the step and the index of the precondition that closes it. Iterative: a chain of
 * thousands of steps cannot overflow the stack.
 */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): { cycle: string[]; from: string; edge: number }[] {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const found: { cycle: string[]; from: string; edge: number }[] = [];
  for (const root of edges.keys()) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const next: number[] = [0];
    state.set(root, 1);
    while (path.length > 0) {
      const id = path[path.length - 1] ?? '';
      const i = next[next.length - 1] ?? 0;
      const out = edges.get(id) ?? [];
      if (i >= out.length) {
        state.set(id, 2);
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = i + 1;
      const to = out[i] ?? '';
      if (!edges.has(to)) continue;
      const s = state.get(to);
      if (s === 1) found.push({ cycle: [...path.slice(path.indexOf(to)), to], from: id, edge: i });
      else if (s === undefined) {
        state.set(to, 1);
        path.push(to);
        next.push(0);
      }
    }
  }
  return found;
}
