/** `ramparts whatif --pin FILE`: appends a what-if finding (with its branch file) to a JSON list of findings. */
import { readFile, writeFile } from 'node:fs/promises';
import { type PinInput, pinFinding, type WhatIfFinding } from '../../interchange/index.ts';
import type { CliIO } from '../io.ts';

/** Pins the finding into `file` as the next W<n>; false (with the reason printed) when it cannot. */
export async function pinTo(file: string, input: Omit<PinInput, 'id'>, io: CliIO): Promise<boolean> {
  let list: WhatIfFinding[] = [];
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
    if (!Array.isArray(parsed)) {
      io.err(`${file}: not a findings file (a JSON list); nothing was pinned`);
      return false;
    }
    list = parsed as WhatIfFinding[];
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') {
      io.err(`${file}: cannot read it as a findings file (${(error as Error).message}); nothing was pinned`);
      return false;
    }
  }
  const r = pinFinding({ ...input, id: `W${list.length + 1}` });
  if (!r.ok) {
    io.err(`--objective: ${r.message}; nothing was pinned`);
    return false;
  }
  list.push(r.finding);
  await writeFile(file, `${JSON.stringify(list, null, 2)}\n`);
  io.err(`Pinned ${r.finding.id} into ${file}`);
  return true;
}
