#!/usr/bin/env node
import { run } from './run.ts';

// The edge of the program: real streams and environment go in, an exit code comes out.
process.exitCode = await run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  now: () => Date.now(),
  isTty: process.stdout.isTTY === true && process.stdin.isTTY === true,
});
