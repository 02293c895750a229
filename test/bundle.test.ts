import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

describe('the pure entry points bundle for a browser', () => {
  for (const entry of ['src/index.ts', 'src/sim/index.ts']) {
    it(`${entry} bundles with esbuild --platform=browser, with no node: module and no native module among its inputs`, async () => {
      const result = await build({ entryPoints: [`${ROOT}${entry}`], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
      const inputs = Object.keys(result.metafile.inputs);
      expect(result.errors).toEqual([]);
      expect(inputs.filter((i) => /^node:|better-sqlite3|\/ink\/|\/react\//.test(i))).toEqual([]);
      expect(inputs.some((i) => i.endsWith('src/calendar/lunar.ts'))).toBe(true);
      expect(result.outputFiles[0]!.text.length).toBeGreaterThan(100_000);
    });
  }
});
