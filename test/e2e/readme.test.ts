import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readProcedure } from '../../src/dsl/io.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(`${ROOT}README.md`, 'utf8');
const blocks = (lang: string) => [...README.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('the README examples run as written', () => {
  const examples = blocks('ts');
  it('has TypeScript examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  examples.forEach((code, i) => {
    it(`example ${i + 1} prints what its comments say`, () => {
      // Written inside the project so that `motcua` resolves to this package (its own name).
      const dir = `${ROOT}test-artifacts/readme`;
      mkdirSync(dir, { recursive: true });
      const file = `${dir}/example-${i + 1}.ts`;
      writeFileSync(file, code);
      const tsx = `${ROOT}node_modules/.bin/tsx`;
      const result = spawnSync(tsx, [file], { encoding: 'utf8', cwd: ROOT });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const expected = [...code.matchAll(/\/\/ prints: (.*)$/gm)].map((m) => m[1]!.trim());
      expect(result.stdout.trim().split('\n')).toEqual(expected);
    });
  });

  it('the YAML example is a valid procedure', () => {
    const [yaml] = blocks('yaml');
    const spec = readProcedure(yaml!, 'README.md');
    expect(spec.id).toBe('death-registration');
    expect(spec.flow).toHaveLength(1);
  });
});
