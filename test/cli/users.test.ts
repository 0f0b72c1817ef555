/**
 * `ramparts users` (issue 17) on the file store and on PostgreSQL: accounts added with roles and a
 * password that then signs in, listed, refused with clear errors, disabled (sessions ended) and
 * reset (the old password no longer works).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/password.ts';
import { FileAccountStore } from '../../server/store/accounts/file-accounts.ts';
import { PostgresStore } from '../../server/store/postgres/postgres-store.ts';
import type { AccountStore } from '../../server/auth/account-store.ts';
import { TEST_PG } from '../server/pg-env.ts';
import { ramparts, scratch } from './ramparts.ts';

const work = scratch('users');
const schema = `ramparts_test_${randomBytes(6).toString('hex')}`;
afterAll(async () => {
  work.cleanup();
  const client = new pg.Client({ connectionString: TEST_PG });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end());
});

const backends: Array<[string, string[], () => Promise<{ store: AccountStore; close(): Promise<void> }>]> = [
  ['the file store', ['--data', work.dir], async () => ({ store: await FileAccountStore.open(work.dir), close: async () => undefined })],
  [
    'PostgreSQL',
    ['--postgres', TEST_PG, '--postgres-schema', schema],
    async () => {
      const store = await PostgresStore.open(TEST_PG, { schema });
      return { store: store.accounts(), close: () => store.close() };
    },
  ],
];

describe.each(backends)('ramparts users on %s', (_name, where, open) => {
  it('adds accounts with roles, with a password from a file or a printed random one, and lists them', async () => {
    const file = work.file('pw.txt', 'a long enough passphrase\n');
    const added = await ramparts('users', 'add', 'alice', '--role', 'planner,controller', '--password-file', file, ...where);
    expect(added).toMatchObject({ code: 0, out: 'Added alice (planner, controller).\n' });
    const generated = await ramparts('users', 'add', 'bob', '--role', 'evaluator', ...where);
    expect(generated.code).toBe(0);
    const password = /Password of bob \(printed this once; ask them to keep it safe\): (\S+)/.exec(generated.out)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const { store, close } = await open();
    try {
      const alice = await store.findByUsername('alice');
      expect(alice?.roles).toEqual(['planner', 'controller']);
      expect(await verifyPassword('a long enough passphrase', alice?.passwordHash)).toBe(true);
      expect(await verifyPassword(password!, (await store.findByUsername('bob'))?.passwordHash)).toBe(true);
    } finally {
      await close();
    }
    const list = await ramparts('users', 'list', ...where);
    expect(list.out).toMatch(/^name +roles +status +sign-in +created\n/);
    expect(list.out).toMatch(/\nalice +planner,controller +active +password +\d{4}-\d\d-\d\d\n/);
    expect(list.out).toMatch(/\nbob +evaluator +active/);
    const json = JSON.parse((await ramparts('users', 'list', '--json', ...where)).out) as Array<Record<string, unknown>>;
    expect(json.map((u) => u.username)).toEqual(['alice', 'bob']);
    expect(JSON.stringify(json)).not.toContain('scrypt');
  });

  it('refuses what it cannot do with a sentence, and changes nothing', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['users', 'add', 'alice', '--role', 'planner'], /an account "alice" exists already/],
      [['users', 'add', 'carol', '--role', 'king'], /--role takes administrator, planner, controller, evaluator .* not "king"/],
      [['users', 'add', 'carol'], /users add needs --role/],
      [['users', 'add', 'Carol Smith', '--role', 'planner'], /"Carol Smith": a user name is 1 to 64 lower-case letters/],
      [['users', 'add', 'carol', '--role', 'planner', '--password-file', work.file('short.txt', 'short\n')], /at least 12 characters/],
      [['users', 'disable', 'nobody'], /no account "nobody" \(ramparts users list shows them\)/],
      [['users', 'rename', 'alice'], /unknown action "rename"/],
    ];
    for (const [args, message] of cases) {
      const result = await ramparts(...args, ...where);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err, args.join(' ')).toMatch(message);
    }
    expect((await ramparts('users', 'list', '--json', ...where)).out).not.toContain('carol');
  });

  it('disables (ending sessions), enables, and resets a password (ending sessions)', async () => {
    const { store, close } = await open();
    try {
      const before = (await store.findByUsername('alice'))!;
      expect((await ramparts('users', 'disable', 'alice', ...where)).out).toMatch(/Disabled alice: its sessions are ended/);
      const disabled = (await store.findByUsername('alice'))!;
      expect([disabled.disabled, disabled.epoch]).toEqual([true, before.epoch + 1]);
      expect((await ramparts('users', 'list', ...where)).out).toMatch(/\nalice +planner,controller +disabled/);
      expect((await ramparts('users', 'enable', 'alice', ...where)).code).toBe(0);
      const reset = await ramparts('users', 'reset', 'alice', ...where);
      const password = /Password of alice[^:]*: (\S+)/.exec(reset.out)?.[1];
      const after = (await store.findByUsername('alice'))!;
      expect(after.disabled).toBe(false);
      expect(after.epoch).toBe(before.epoch + 3);
      expect(await verifyPassword(password!, after.passwordHash)).toBe(true);
      expect(await verifyPassword('a long enough passphrase', after.passwordHash)).toBe(false);
    } finally {
      await close();
    }
  });
});
