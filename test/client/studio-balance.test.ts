/** The studio's balance figures kept per saved version, and compared with the previous one. */
import { describe, expect, it } from 'vitest';
import { type BalanceSummary, previousSaved, rememberSaved } from '../../client/features/studio/balance.ts';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}
const summary = (p: number): BalanceSummary => ({ runs: 50, objectives: [{ id: 'obj', probability: p, ci95: [p - 0.1, p + 0.1] }], teams: [] });

describe('balance figures per saved version', () => {
  it('compares with the newest saved version other than the current one, per scenario, and survives bad storage', () => {
    const storage = memoryStorage();
    expect(previousSaved('demo', null, storage)).toBeNull();
    rememberSaved('demo', '1', summary(0.5), storage);
    rememberSaved('other', '1', summary(0.9), storage);
    rememberSaved('demo', '2', summary(0.3), storage);
    expect(previousSaved('demo', null, storage)).toMatchObject({ version: '2', summary: { objectives: [{ probability: 0.3 }] } });
    expect(previousSaved('demo', '2', storage)).toMatchObject({ version: '1' });
    expect(previousSaved('other', null, storage)?.summary.objectives[0]?.probability).toBe(0.9);
    // Two versions kept per scenario: version 1 goes when 3 comes.
    rememberSaved('demo', '3', summary(0.2), storage);
    expect(previousSaved('demo', '3', storage)?.version).toBe('2');
    storage.setItem('ramparts.studio.balance', '{not json');
    expect(previousSaved('demo', null, storage)).toBeNull();
  });
});
