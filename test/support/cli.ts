import { run } from '../../src/cli/run.ts';

/** Runs the CLI in-process and captures what it writes; the clock is fixed. */
export async function runCli(argv: readonly string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t), env, now: () => 1_764_288_000_000 });
  return { code, out, err };
}
