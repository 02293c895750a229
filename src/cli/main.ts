#!/usr/bin/env node
import { run } from './run.ts';

// A reader that stops early (`motcua list | head -2`) closes the pipe: that is the reader's choice,
// not an error, so the command ends quietly with exit code 0, as `ls | head` does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

// The edge of the program: real streams and environment go in, an exit code comes out.
process.exitCode = await run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  now: () => Date.now(),
  isTty: process.stdout.isTTY === true && process.stdin.isTTY === true,
});
