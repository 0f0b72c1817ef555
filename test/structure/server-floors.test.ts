/**
 * The server's floors (docs/SERVER.md): a file of server/ imports only from its own floor or below,
 * so that shared helpers stay on the ground floor and nothing depends on what is built on top of it.
 * What a lower floor needs from a higher one it names as an interface of its own.
 */
import { describe, expect, it } from 'vitest';
import { importGraph } from './import-graph.ts';

/** Folders and files of server/, from the ground up (as the table in docs/SERVER.md). */
const FLOORS: ReadonlyArray<readonly [string, number]> = [
  ['server/ops/', 1],
  ['server/auth/', 1],
  ['server/store/', 2],
  ['server/config.ts', 2],
  ['server/authority/', 3],
  ['server/realtime/', 4],
  ['server/scenarios/', 4],
  ['server/http/', 5],
  ['server/taxii/', 5],
  ['server/cluster/', 5],
  ['server/app.ts', 6],
  ['server/server.ts', 7],
];

function floorOf(file: string): number | undefined {
  return FLOORS.find(([place]) => (place.endsWith('/') ? file.startsWith(place) : file === place))?.[1];
}

/** The arrow `from -> to` between two server files runs back up: it names a higher floor. */
function runsUp(from: string, to: string): boolean {
  return (floorOf(to) ?? 0) > (floorOf(from) ?? Number.POSITIVE_INFINITY);
}

describe("the server's floors", () => {
  const graph = importGraph(['server']);

  it('puts every server file on a floor', () => {
    expect([...graph.keys()].filter((f) => floorOf(f) === undefined)).toEqual([]);
    expect(graph.size).toBeGreaterThan(40);
  });

  it('has no arrow running back up', () => {
    const up: string[] = [];
    for (const [from, imports] of graph) {
      for (const { file: to, line } of imports) if (to?.startsWith('server/') && runsUp(from, to)) up.push(`${from}:${line} -> ${to}`);
    }
    expect(up).toEqual([]);
  });

  it('sees an arrow that runs back up (the manager once imported the scenario catalog)', () => {
    expect(runsUp('server/authority/manager.ts', 'server/scenarios/catalog.ts')).toBe(true);
    expect(runsUp('server/realtime/socket-server.ts', 'server/authority/audience.ts')).toBe(false);
  });
});
