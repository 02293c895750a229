import { run } from '../../src/cli/run.ts';

/** Runs the CLI in-process and captures what it writes. */
export function runCli(argv: readonly string[], env: Record<string, string> = {}): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(argv, { out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}
