import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server of the tests: `MOTCUA_TEST_PG` (set by .ci/run, which starts a throw-away
 * cluster). Without it the PostgreSQL tests fail in CI and are left out locally with a notice.
 */
export const PG_URL: string | undefined = process.env['MOTCUA_TEST_PG'] || undefined;

if (PG_URL === undefined) {
  if (process.env['CI'] === 'true') throw new Error('MOTCUA_TEST_PG is not set: .ci/run must start PostgreSQL and pass its URL. The PostgreSQL tests cannot run.');
  console.warn('notice: MOTCUA_TEST_PG is not set, so the PostgreSQL tests are left out. Start a throw-away cluster (see scripts/pg-test-cluster.sh) and set it to run them.');
}

/**
 * A fresh, empty place on the test server: a schema of its own (much quicker to make than a
 * database), reached through a URL whose connections use it as their search path; `drop` removes it.
 */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (PG_URL === undefined) throw new Error('no MOTCUA_TEST_PG');
  const name = `motcua_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await c.end();
    },
  };
}
