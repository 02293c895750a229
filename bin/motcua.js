#!/usr/bin/env node
// The command line runs the built JavaScript (`npm run build`, which `npm ci` runs through `prepare`).
try {
  await import('../dist/src/cli/main.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/src/cli/main.js')) {
    process.stderr.write('motcua: the package is not built. Run npm run build (npm ci does it) in the motcua folder.\n');
    process.exitCode = 2;
  } else {
    throw error;
  }
}
