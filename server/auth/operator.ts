/**
 * Who may create exercises and upload scenarios: an operator. This module is the one place that
 * decides it (the REST API asks `OperatorCredential.allows`); accounts (issue 17) replace what is
 * behind it, not the callers.
 *
 * Today the credential is one operator token, taken in this order:
 * 1. given in the configuration (`ServerConfig.operatorToken`, tests and embedding);
 * 2. the environment variable `RAMPARTS_OPERATOR_TOKEN` (several processes of a scale-out, scripts);
 * 3. the file `operator-token` in the data directory, made at the first start (32 random bytes,
 *    readable by the server's user only) and printed once by `ramparts serve`. Whoever can read the
 *    data directory can read every exercise log anyway, so the file gives away nothing more.
 *
 * Compared in constant time on SHA-256 digests (equal lengths whatever was presented).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The environment variable that carries the operator token. */
export const OPERATOR_TOKEN_ENV = 'RAMPARTS_OPERATOR_TOKEN';
/** The file in the data directory that keeps a generated operator token. */
export const OPERATOR_TOKEN_FILE = 'operator-token';

/** What an operator token may look like: it travels as a bearer token. */
const SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

export type OperatorTokenSource = 'config' | 'environment' | 'file' | 'generated';

export interface OperatorToken {
  token: string;
  source: OperatorTokenSource;
}

/** Why a token cannot serve as the operator token, or undefined when it can. */
export function operatorTokenProblem(token: string): string | undefined {
  return SHAPE.test(token) ? undefined : 'an operator token is 16 to 128 letters, digits, "_" or "-"';
}

/**
 * The operator token of this server (see the module comment for the order). A token found in the
 * configuration or the environment that does not have the shape of a bearer token is an error
 * (thrown: the server must not start with a credential nobody can send).
 */
export async function resolveOperatorToken(options: { configured?: string | undefined; env?: NodeJS.ProcessEnv; dataDir: string }): Promise<OperatorToken> {
  const fromEnv = (options.env ?? process.env)[OPERATOR_TOKEN_ENV];
  const given: OperatorToken | undefined =
    options.configured !== undefined ? { token: options.configured, source: 'config' } : fromEnv !== undefined && fromEnv !== '' ? { token: fromEnv, source: 'environment' } : undefined;
  if (given) {
    const problem = operatorTokenProblem(given.token);
    if (problem) throw new Error(`the operator token from the ${given.source === 'config' ? 'configuration' : OPERATOR_TOKEN_ENV} is unusable: ${problem}`);
    return given;
  }
  const file = join(options.dataDir, OPERATOR_TOKEN_FILE);
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    const problem = operatorTokenProblem(stored);
    if (problem) throw new Error(`${file} does not hold a usable operator token (${problem}); delete it to have a new one made at the next start`);
    return { token: stored, source: 'file' };
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(32).toString('base64url');
  await mkdir(options.dataDir, { recursive: true });
  // `wx`: two servers starting on one directory at once do not overwrite each other's token.
  try {
    await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') return resolveOperatorToken(options);
    throw error;
  }
  return { token, source: 'generated' };
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The check every operator-only request passes. */
export class OperatorCredential {
  private readonly expected: Buffer;

  constructor(token: string) {
    this.expected = digest(token);
  }

  /** Whether `presented` (a bearer token, or nothing) is the operator's credential. */
  allows(presented: string | undefined): boolean {
    if (presented === undefined) return false;
    return timingSafeEqual(digest(presented), this.expected);
  }
}
