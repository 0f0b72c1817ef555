/**
 * The committed scenarios/stress.yaml is exactly what scripts/generate-stress.ts produces, and the
 * generator is deterministic (no Math.random, same text every time).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generate, STRESS_PATH, stressScenarioYaml } from '../../scripts/generate-stress.ts';
import { staleFiles } from '../../scripts/generate.ts';

const committed = readFileSync(new URL(`../../${STRESS_PATH}`, import.meta.url), 'utf8');

describe('generated stress scenario', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('committed file equals a fresh generation', async () => {
    const [file] = await generate();
    expect(file?.path).toBe(STRESS_PATH);
    expect(file?.content === committed).toBe(true);
    expect(await staleFiles(['stress'])).toEqual([]);
  });

  it('never draws from Math.random and gives the same text twice', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('the stress generator must not use Math.random');
    });
    expect(stressScenarioYaml()).toBe(stressScenarioYaml());
  });

  it('starts with the editor schema line', () => {
    expect(committed.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/scenario.schema.json');
  });
});
