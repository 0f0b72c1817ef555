/** The headless inputs example in docs/INTERCHANGE.md runs, and the engine applies every input. */
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import type { CliIO } from '../../cli/io.ts';

describe('docs/examples/headless-inputs.jsonl', () => {
  it('runs against the interchange base scenario with every input applied', async () => {
    let out = '';
    const io: CliIO = { out: (t) => void (out += `${t}\n`), err: () => undefined, isTTY: false };
    const code = await main(['run', 'test/fixtures/interchange/base.yaml', '--inputs', 'docs/examples/headless-inputs.jsonl', '--until', '6h'], io);
    expect(code).toBe(0);
    expect(out).toContain('inputs: 11 applied, 0 refused');
  });
});
