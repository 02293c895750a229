import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

// The package as a user gets it: packed into a tarball, installed into a fresh project outside the
// clone, used from plain JavaScript, type-checked by a strict TypeScript project, and its `motcua`
// executable run from another folder.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

function sh(cmd: string, args: readonly string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', npm_config_update_notifier: 'false' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let project = '';
let tarball = '';

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'motcua-consumer-'));
  // `npm test` has just built dist/; packing again would only rebuild it.
  const packed = sh('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], ROOT);
  expect(packed.stderr).toBe('');
  tarball = join(work, packed.stdout.trim().split('\n').at(-1)!);
  project = join(work, 'app');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // better-sqlite3 (an optional peer) comes from this clone's node_modules, where `npm ci` already
  // compiled it; everything else from the npm cache that `npm ci` filled.
  const deps = [tarball, join(ROOT, 'node_modules/better-sqlite3'), '@types/node@20.19.43'];
  const installed = sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', ...deps], project);
  expect(installed.status, installed.stderr).toBe(0);
}, 600_000);

describe('the packed package, installed into a fresh project', () => {
  it('ships the built code, the data and the docs, and no tests', () => {
    const listed = sh('tar', ['-tzf', tarball], ROOT).stdout.split('\n').filter(Boolean);
    expect(listed).toContain('package/dist/src/index.js');
    expect(listed).toContain('package/dist/src/index.d.ts');
    expect(listed).toContain('package/dist/procedures/index.js');
    expect(listed).toContain('package/calendars/vn/2026.json');
    expect(listed).toContain('package/simulations/province-2016.yaml');
    expect(listed).toContain('package/schema/procedure.schema.json');
    expect(listed).toContain('package/LICENSE');
    expect(listed).toContain('package/README.md');
    expect(listed.filter((f) => f.startsWith('package/test/') || f.includes('.test.') || f.startsWith('package/src/'))).toEqual([]);
  });

  it('installs without ink, react or tsx: a service that runs cases gets no terminal UI', () => {
    const modules = readdirSync(join(project, 'node_modules'));
    expect(modules).toContain('motcua');
    expect(modules.filter((m) => ['ink', 'react', 'tsx'].includes(m))).toEqual([]);
  });

  it("runs the README's embedding example as plain JavaScript (.mjs) and prints what its comments say", async () => {
    const example = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).find((code) => code.includes("from 'motcua/engine'"));
    expect(example).toBeDefined();
    const { code } = await transform(example!, { loader: 'ts', format: 'esm' });
    writeFileSync(join(project, 'embed.mjs'), code);
    const r = sh(process.execPath, ['embed.mjs'], project);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const expected = [...example!.matchAll(/\/\/ prints: (.*)$/gm)].map((m) => m[1]!.trim());
    expect(r.stdout.trim().split('\n')).toEqual(expected);
  });

  it('imports every entry point from plain JavaScript', () => {
    writeFileSync(
      join(project, 'entries.mjs'),
      [
        "import * as core from 'motcua';",
        "import * as sim from 'motcua/sim';",
        "import * as node from 'motcua/node';",
        "import * as engine from 'motcua/engine';",
        "import * as sqlite from 'motcua/sqlite';",
        "import * as report from 'motcua/report';",
        "import * as server from 'motcua/server';",
        "import * as postgres from 'motcua/postgres';",
        "import { CATALOGUE } from 'motcua/procedures';",
        "import { fillForm, formHtml, formText, formSetOn } from 'motcua';",
        "console.log(typeof core.procedure, typeof sim.runReplication, typeof node.loadScenario, typeof engine.createEngine, typeof sqlite.sqliteStore, typeof report.renderReport, typeof server.createServer, typeof postgres.postgresStore, CATALOGUE.length > 10);",
        // The one-stop forms (motcua case form) from the core entry.
        "console.log(typeof fillForm, typeof formHtml, typeof formText, formSetOn('2026-03-02').forms.length);",
      ].join('\n'),
    );
    const r = sh(process.execPath, ['entries.mjs'], project);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('function function function function function function function function true\nfunction function function 7\n');
  });

  for (const resolution of ['nodenext', 'bundler'] as const) {
    it(`type-checks a strict TypeScript file using the builder, the engine and the SQLite store (moduleResolution ${resolution}) with zero errors`, () => {
      const dir = join(project, `ts-${resolution}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noUncheckedIndexedAccess: true,
            target: 'ES2022',
            module: resolution === 'nodenext' ? 'nodenext' : 'esnext',
            moduleResolution: resolution,
            types: ['node'],
            noEmit: true,
            skipLibCheck: false,
          },
          include: ['app.ts'],
        }),
      );
      writeFileSync(
        join(dir, 'app.ts'),
        `import { type ProcedureSpec, parseInstant, procedure } from 'motcua';
import { type Engine, createEngine, memoryStore } from 'motcua/engine';
import { sqliteStore } from 'motcua/sqlite';

const name = (en: string) => ({ vi: en, en });
const spec: ProcedureSpec = procedure({
  id: 'birth', version: '2016.1', effectiveFrom: '2016-01-01', title: name('Birth registration'), level: 'commune',
  agencies: { desk: { name: name('Desk'), level: 'commune', desk: true }, justice: { name: name('Civil-status officer'), level: 'commune' } },
})
  .receipt({ desk: 'desk', channels: ['in-person'] })
  .flow(({ step }) => [step('register', { agency: 'justice', title: name('Register'), share: '1wd' })])
  .limit({ duration: '3wd', mode: 'date', ref: { document: 'Law on Civil Status 2014', article: 'Art. 16', confidence: 'mem' } })
  .build();

const engine: Engine = createEngine({ procedures: [spec], store: process.argv[2] === 'memory' ? memoryStore() : sqliteStore('cases.db') });
const opened = await engine.open({ procedure: 'birth', channel: 'in-person', receivedAt: parseInstant('2025-01-24T09:00'), by: { kind: 'agency', agency: 'desk' } });
const code: string = opened.code;
console.log(code);
`,
      );
      const r = sh(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], project);
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
  }

  it('runs the installed motcua executable from another folder: calendar lunar, list and check', () => {
    const bin = join(project, 'node_modules/.bin/motcua');
    const elsewhere = mkdtempSync(join(tmpdir(), 'motcua-elsewhere-'));
    const lunar = sh(bin, ['calendar', 'lunar', '2030-02-02'], elsewhere);
    expect(lunar.stderr).toBe('');
    expect(lunar.stdout).toBe('2030-02-02 = 1/1/2030 (âm lịch)\n');

    const list = sh(bin, ['list', '--json'], elsewhere);
    expect(list.status).toBe(0);
    const ids = (JSON.parse(list.stdout) as { procedures: { id: string }[] }).procedures.map((p) => p.id);
    expect(ids).toContain('birth-registration');
    expect(ids).toContain('land-use-right-first');

    writeFileSync(
      join(elsewhere, 'residence.yaml'),
      [
        'id: temporary-residence-test',
        'version: "2026.1"',
        'effectiveFrom: "2021-07-01"',
        'title: { vi: Đăng ký tạm trú, en: Temporary residence registration }',
        'level: commune',
        'agencies:',
        '  desk: { name: { vi: Bộ phận Một cửa, en: One-stop desk }, level: commune, desk: true }',
        '  police: { name: { vi: Công an xã, en: Commune police }, level: commune }',
        'receipt: { desk: desk, channels: [in-person, online] }',
        'flow:',
        '  - { kind: step, id: register, agency: police, title: { vi: Đăng ký, en: Register }, share: 2wd }',
        'limit: { duration: 3wd, mode: date, ref: { document: Law on Residence 2020, article: Art. 28, confidence: mem } }',
      ].join('\n'),
    );
    const check = sh(bin, ['check', 'residence.yaml', '--seed', '7', '--runs', '5', '--received', '2026-03-02'], elsewhere);
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/^✓ pass: temporary-residence-test 2026\.1 \(residence\.yaml\)/);
    expect(check.status).toBe(0);
  });

  it('says which optional package a command needs and how to install it, instead of crashing', () => {
    const bin = join(project, 'node_modules/.bin/motcua');
    const step = sh(bin, ['step', 'birth-registration'], project);
    expect(step.stdout).toBe('');
    expect(step.stderr).toBe('motcua: this command needs the optional packages ink and react, which are not installed. Install them beside motcua: npm install ink@6.8.0 react@19.2.9.\n');
    expect(step.status).toBe(2);

    writeFileSync(join(project, 'mine.ts'), 'export const x = 1;\n');
    const ts = sh(bin, ['list', 'mine.ts', '--allow-code'], project);
    expect(ts.stderr).toContain('a .ts procedure needs the TypeScript loader tsx. Install it beside motcua (npm install tsx@4.23.15) or give the procedure as .json or .yaml.');
    expect(ts.status).toBe(2);
  });
});
