/**
 * File helpers that make writes durable: data is fsynced before a promise resolves, whole-file
 * replacements go through a temporary file and a rename (atomic on POSIX), and the directory is
 * fsynced so that the rename itself survives a crash.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** fsyncs a directory so that entries created or renamed in it are durable. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces `path` with `text` atomically and durably. */
export async function writeFileDurable(path: string, text: string): Promise<void> {
  // A name of its own: two writes in one directory in the same millisecond (two saves at once) shared
  // a name made of the time and the process id, and the second rename found the file gone.
  const tmp = join(dirname(path), `.${process.pid}-${randomBytes(8).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    // A failed write (a full disk) must not leave its partial temporary file taking space.
    await rm(tmp, { force: true });
    throw error;
  }
  await syncDir(dirname(path));
}

/** Creates a directory that must not exist yet (EEXIST otherwise) and makes its entry durable. */
export async function mkdirDurable(path: string): Promise<void> {
  await mkdir(path);
  await syncDir(dirname(path));
}
