import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { englishIn } from '../support/english-words.ts';
import { tinySpec } from '../support/specs.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = `${ROOT}test-artifacts/i18n-procedure-shape`;
mkdirSync(dir, { recursive: true });

/** The tiny procedure with one change, written as a JSON file. */
function changed(name: string, change: (spec: Record<string, unknown>) => void): string {
  const spec = structuredClone(tinySpec()) as unknown as Record<string, unknown>;
  change(spec);
  const file = `${dir}/${name}.json`;
  writeFileSync(file, JSON.stringify(spec));
  // check names a file as a path from the working folder.
  return relative(process.cwd(), file);
}

describe("a procedure file's shape is told in Vietnamese with --lang vi: the key, the type, the form expected", () => {
  const cases: readonly [string, (spec: Record<string, unknown>) => void, string, string][] = [
    ['an unknown key', (s) => (s['colour'] = 'red'), 'colour', 'Khóa không được nhận dạng: "colour". Được phép ở đây: { id, version, effectiveFrom,'],
    ['a missing key', (s) => delete s['title'], 'title', 'thiếu "title". Thêm title: '],
    ['a wrong type', (s) => ((s['limit'] as Record<string, unknown>)['duration'] = 5), 'limit.duration', 'Đầu vào không hợp lệ: mong đợi chuỗi, nhận được số. Cần một chuỗi.'],
    ['a value not among the options', (s) => ((s['limit'] as Record<string, unknown>)['mode'] = 'weeks'), 'limit.mode', 'Tùy chọn không hợp lệ: mong đợi một trong các giá trị'],
    // zod's Vietnamese for a wrong tag names no option: the node's form follows, listing the kinds.
    ['a node kind that does not exist', (s) => ((s['flow'] as Record<string, unknown>[])[0]!['kind'] = 'stepp'), 'flow.0.kind', 'Đầu vào không hợp lệ. Cần { kind: "step" | "parallel" | "branch" | "consult" | "excluded", … }.'],
  ];
  it.each(cases)('%s', async (name, change, path, said) => {
    const file = changed(name.replaceAll(' ', '-'), change);
    const { code, out, err } = await runCli(['check', file, '--lang', 'vi']);
    expect(code).toBe(2);
    expect(out).toContain('1 không đọc được');
    expect(err.startsWith(`motcua: ${file}: ${path}: ${said}`), err).toBe(true);
    expect(err.split('\n')).toHaveLength(2);
    // The keys of the file (in braces, or before a colon) are what the user types, not labels.
    expect(englishIn(err.replace(/\{[^}]*\}/g, ' ').replace(/[\w.]+:/g, ' '))).toEqual([]);
  });

  it('keeps the English wording without --lang vi', async () => {
    const file = changed('wrong-type-en', (s) => ((s['limit'] as Record<string, unknown>)['duration'] = 5));
    const { err } = await runCli(['check', file]);
    expect(err).toBe(`motcua: ${file}: limit.duration: Invalid input: expected string, received number. Expected a string (The statutory limit, e.g. 15wd, 15d; for a same-day limit the longest it can take, 1wd).\n`);
  });
});
