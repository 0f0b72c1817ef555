/** Where the PostgreSQL tests connect: RAMPARTS_TEST_PG, or the local `test` database. */
export const TEST_PG = process.env.RAMPARTS_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
