/**
 * `ramparts users add|list|disable|enable|reset`: operator accounts on the store a server uses
 * (the data directory's files, or PostgreSQL), with or without that server running. Disabling and
 * resetting raise the account's epoch, which ends its open sessions at their next request.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { OPERATOR_ROLES, Password, Username, type OperatorRole } from '../../protocol/index.ts';
import type { AccountStore, UserRecord } from '../../server/auth/account-store.ts';
import { type CliCommand, type CliIO, UsageError } from '../io.ts';
import { table } from '../table.ts';

const HELP = `Usage: ramparts users add NAME --role ROLE[,ROLE...] [--password-file FILE]
       ramparts users list [--json]
       ramparts users disable NAME | enable NAME
       ramparts users reset NAME [--password-file FILE]
  with the store of the server: [--data DIR] (default ./data) or --postgres URL [--postgres-schema S]

Operator accounts. Roles: ${OPERATOR_ROLES.join(', ')} (an administrator may do everything).
add and reset take the password from the first line of --password-file (at least 12 characters);
without it they make a random one and print it once. disable ends the account's sessions and
refuses its sign-ins until enable; reset sets a new password and ends its sessions.
Works beside a running server on the same store.`;

interface UsersArgs {
  action: string;
  name?: string;
  roles?: OperatorRole[];
  passwordFile?: string;
  data: string;
  postgres?: string;
  postgresSchema?: string;
  json: boolean;
}

function parseRoles(text: string): OperatorRole[] {
  const roles = text
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const unknown = roles.filter((r) => !(OPERATOR_ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || unknown.length > 0) {
    throw new UsageError(`--role takes ${OPERATOR_ROLES.join(', ')} (several separated by commas), not "${unknown.join(', ') || text}"`);
  }
  return roles as OperatorRole[];
}

function parseArgs(args: string[]): UsersArgs {
  const [action, ...rest] = args;
  if (action === undefined) throw new UsageError('say what to do: add, list, disable, enable or reset');
  if (!['add', 'list', 'disable', 'enable', 'reset'].includes(action)) throw new UsageError(`unknown action "${action}": add, list, disable, enable or reset`);
  const out: UsersArgs = { action, data: 'data', json: false };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    const need = () => {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      i++;
      return value;
    };
    switch (flag) {
      case '--role':
        out.roles = parseRoles(need());
        break;
      case '--password-file':
        out.passwordFile = need();
        break;
      case '--data':
        out.data = need();
        break;
      case '--postgres':
        out.postgres = need();
        break;
      case '--postgres-schema':
        out.postgresSchema = need();
        break;
      case '--json':
        out.json = true;
        break;
      default:
        if (flag.startsWith('--')) throw new UsageError(`unknown option "${flag}"`);
        if (out.name !== undefined) throw new UsageError(`one account at a time ("${out.name}" and "${flag}")`);
        out.name = flag;
    }
  }
  if (out.action !== 'list' && out.name === undefined) throw new UsageError(`users ${out.action} needs the account's name`);
  if (out.action === 'add' && out.roles === undefined) throw new UsageError(`users add needs --role (${OPERATOR_ROLES.join(', ')})`);
  if (out.action !== 'add' && out.roles !== undefined) throw new UsageError('--role goes with add only');
  if (out.passwordFile !== undefined && out.action !== 'add' && out.action !== 'reset') throw new UsageError('--password-file goes with add and reset only');
  if (out.postgresSchema !== undefined && out.postgres === undefined) throw new UsageError('--postgres-schema needs --postgres');
  return out;
}

/** The password to set: the first line of the file, checked, or a new random one to print. */
async function passwordOf(file: string | undefined): Promise<{ password: string; generated: boolean }> {
  if (file === undefined) return { password: randomBytes(18).toString('base64url'), generated: true };
  let text: string;
  try {
    text = await readFile(resolve(file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --password-file ${file}: ${(error as Error).message}`);
  }
  const password = text.split(/\r?\n/)[0] ?? '';
  const checked = Password.safeParse(password);
  if (!checked.success) throw new UsageError(`the password in ${file}: ${checked.error.issues[0]?.message ?? 'not usable'}`);
  return { password, generated: false };
}

async function openStore(args: UsersArgs): Promise<{ store: AccountStore; close(): Promise<void> }> {
  if (args.postgres !== undefined) {
    const { PostgresStore } = await import('../../server/store/postgres/postgres-store.ts');
    const pg = await PostgresStore.open(args.postgres, args.postgresSchema === undefined ? {} : { schema: args.postgresSchema });
    return { store: pg.accounts(), close: () => pg.close() };
  }
  const { FileAccountStore } = await import('../../server/store/accounts/file-accounts.ts');
  return { store: await FileAccountStore.open(resolve(args.data)), close: async () => undefined };
}

async function existing(store: AccountStore, name: string): Promise<UserRecord> {
  const user = await store.findByUsername(name.toLowerCase());
  if (!user) throw new UsageError(`no account "${name}" (ramparts users list shows them)`);
  return user;
}

function printPassword(io: CliIO, name: string, password: string): void {
  io.out(`Password of ${name} (printed this once; ask them to keep it safe): ${password}`);
}

async function act(args: UsersArgs, store: AccountStore, io: CliIO): Promise<number> {
  const now = new Date().toISOString();
  switch (args.action) {
    case 'list': {
      const users = await store.listUsers();
      if (args.json) {
        io.out(
          JSON.stringify(
            users.map(({ passwordHash: _hash, epoch: _epoch, ...user }) => user),
            null,
            2,
          ),
        );
        return 0;
      }
      if (users.length === 0) {
        io.out('No operator account yet (ramparts serve prints a link to create the first administrator).');
        return 0;
      }
      io.out(
        table(
          ['name', 'roles', 'status', 'sign-in', 'created'],
          users.map((u) => [
            u.username,
            u.roles.join(','),
            u.disabled ? 'disabled' : 'active',
            [u.passwordHash ? 'password' : '', u.subject ? 'single sign-on' : ''].filter(Boolean).join(', '),
            u.createdAt.slice(0, 10),
          ]),
        ).join('\n'),
      );
      return 0;
    }
    case 'add': {
      const name = Username.safeParse(args.name);
      if (!name.success) throw new UsageError(`"${args.name}": ${name.error.issues[0]?.message ?? 'not a user name'}`);
      const { password, generated } = await passwordOf(args.passwordFile);
      const { newUserRecord } = await import('../../server/auth/accounts.ts');
      const outcome = await store.createUser(await newUserRecord(name.data, args.roles ?? [], password));
      if (outcome !== 'created') throw new UsageError(`an account "${name.data}" exists already (reset its password with: ramparts users reset ${name.data})`);
      io.out(`Added ${name.data} (${(args.roles ?? []).join(', ')}).`);
      if (generated) printPassword(io, name.data, password);
      return 0;
    }
    case 'disable':
    case 'enable': {
      const user = await existing(store, args.name!);
      const disabled = args.action === 'disable';
      if (user.disabled === disabled) {
        io.out(`${user.username} is ${disabled ? 'disabled' : 'enabled'} already.`);
        return 0;
      }
      await store.updateUser({ ...user, disabled, epoch: user.epoch + 1, updatedAt: now });
      io.out(disabled ? `Disabled ${user.username}: its sessions are ended and it cannot sign in.` : `Enabled ${user.username}.`);
      return 0;
    }
    default: {
      const user = await existing(store, args.name!);
      const { password, generated } = await passwordOf(args.passwordFile);
      const { hashPassword } = await import('../../server/auth/password.ts');
      await store.updateUser({ ...user, passwordHash: await hashPassword(password), epoch: user.epoch + 1, updatedAt: now });
      io.out(`New password set for ${user.username}; its sessions are ended.`);
      if (generated) printPassword(io, user.username, password);
      return 0;
    }
  }
}

export const command: CliCommand = {
  summary: 'operator accounts: add, list, disable, enable, reset',
  help: HELP,
  async run(argv, io) {
    const args = parseArgs(argv);
    const { store, close } = await openStore(args);
    try {
      return await act(args, store, io);
    } finally {
      await close();
    }
  },
};
