import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeProcedure } from '../../src/dsl/io.ts';
import { landUseRightFirst } from '../../procedures/land-use-right-first.ts';
import { runCli } from '../support/cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = `${ROOT}test-artifacts/cli`;
mkdirSync(dir, { recursive: true });

describe('motcua check', () => {
  it('passes on the whole catalogue', async () => {
    const { code, out } = await runCli(['check', `${ROOT}procedures`, '--seed', '42', '--runs', '20']);
    expect(out).toMatch(/\n\d+ checked: \d+ passed, \d+ with warnings, 0 failed; fast-check seed 42 \(replay with --seed 42\)\.\n$/);
    expect(code).toBe(0);
  }, 300_000);

  it('says pass, warning and fail apart, in words, symbols and JSON, and shows a holiday risk as a warning', async () => {
    const house = `${ROOT}procedures/construction-permit-house-2025.ts`;
    const text = await runCli(['check', house, '--seed', '8', '--runs', '20']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^! warning: construction-permit-house 2025\.1 \(/);
    expect(text.out).toContain('\n  ! property: never late when every agency meets its share: warning (10 runs)\n');
    expect(text.out).not.toMatch(/✓[^\n]*failed/);
    expect(text.out).toContain('\n1 checked: 0 passed, 1 with warnings, 0 failed;');
    const asJson = JSON.parse((await runCli(['check', house, '--seed', '8', '--runs', '20', '--json'])).out) as { status: string; procedures: { status: string; properties: { status: string }[] }[] };
    expect([asJson.status, asJson.procedures[0]!.status, asJson.procedures[0]!.properties[0]!.status]).toEqual(['warn', 'warn', 'warning']);
    const vi = await runCli(['check', house, '--seed', '8', '--runs', '20', '--lang', 'vi']);
    expect(vi.out).toMatch(/^! cảnh báo: construction-permit-house 2025\.1 \(/);
  }, 300_000);

  it('gives counterexamples the desk could see: the dossier received and every party acting inside office hours', async () => {
    const house = `${ROOT}procedures/construction-permit-house-2025.ts`;
    const { out } = await runCli(['check', house, '--seed', '8', '--runs', '20']);
    const acts = [...out.matchAll(/^ {4}(\d{4}-\d\d-\d\dT(\d\d):(\d\d)\+07:00) (?!TIMER)(\w+)/gm)];
    expect(acts.length).toBeGreaterThan(3);
    for (const [, , hh, mm] of acts) {
      const minutes = Number(hh) * 60 + Number(mm);
      expect(minutes >= 8 * 60 && minutes <= 17 * 60 && !(minutes > 12 * 60 && minutes < 13 * 60)).toBe(true);
    }
  }, 300_000);

  it('fails with exit 1 and names the path and the steps when a broken copy gives more time than the law', async () => {
    const broken = { ...landUseRightFirst, flow: landUseRightFirst.flow.map((n) => (n.kind === 'step' && n.id === 'check-dossier' ? { ...n, share: '10wd' } : n)) };
    const file = `${dir}/land-over-limit.json`;
    writeFileSync(file, writeProcedure(broken, 'json'));
    const { code, out } = await runCli(['check', file, '--seed', '1', '--runs', '5']);
    expect(code).toBe(1);
    expect(out).toMatch(/^✗ fail: land-use-right-first 2024\.1/);
    expect(out).toContain(
      '✗ budget: the shares exceed the statutory limit (20 working days) on this path: transfer (desk) 0.5wd → verify-origin (commune) 5wd → check-dossier (landOffice) 10wd → tax-notice (tax) 3wd → sign-certificate (issuer) 3wd = 21.5 wd of 20 wd [remoteCommune=otherwise]',
    );
  });

  it('fails with exit 2, the file, the path and the fix when a branch has no way out', async () => {
    const flow = landUseRightFirst.flow.map((n) => (n.kind === 'branch' ? { ...n, otherwise: undefined } : n));
    const file = `${dir}/land-no-way-out.json`;
    writeFileSync(file, JSON.stringify({ ...landUseRightFirst, flow }, null, 2));
    const { code, err } = await runCli(['check', file, '--seed', '1']);
    expect(code).toBe(2);
    expect(err).toMatch(/^motcua: test-artifacts\/cli\/land-no-way-out\.json: flow\.0: .*remoteCommune.*otherwise/);
  });

  it('reports a file it cannot read without stopping the others', async () => {
    const { code, err } = await runCli(['check', `${dir}/missing.yaml`]);
    expect(code).toBe(2);
    expect(err).toBe(`motcua: ${dir}/missing.yaml: no such file or folder, nor a procedure id of the catalogue. Give a procedure file (.ts, .json, .yaml), a folder of them, or an id that motcua list shows.\n`);
  });
});

describe('motcua graph', () => {
  it('writes a Mermaid state diagram, a DOT graph and BPMN XML for a catalogue id', async () => {
    const mermaid = await runCli(['graph', 'land-use-right-first', '--format', 'mermaid', '--lang', 'en']);
    expect([mermaid.code, mermaid.out.split('\n')[0]]).toEqual([0, 'stateDiagram-v2']);
    const dot = await runCli(['graph', 'land-use-right-first', '--format', 'dot']);
    expect([dot.code, dot.out.startsWith('digraph ')]).toEqual([0, true]);
    const bpmn = await runCli(['graph', 'land-use-right-first', '--format', 'bpmn']);
    expect([bpmn.code, bpmn.out.startsWith('<?xml')]).toEqual([0, true]);
  });

  it('names the accepted formats when the format is wrong', async () => {
    const { code, err } = await runCli(['graph', 'land-use-right-first', '--format', 'svg']);
    expect([code, err]).toEqual([2, 'motcua: --format: unknown format "svg"; use --format mermaid, dot or bpmn.\n']);
  });
});

describe('motcua list', () => {
  it('lists the catalogue with levels, limits, agencies and legal basis', async () => {
    const { code, out } = await runCli(['list', '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out).procedures as { id: string; level: string; limit: string; agencies: string[]; linked: boolean; legal: string[] }[];
    // Every version, the latest first: the commune one since 1/7/2025, then the district one.
    expect(rows.filter((r) => r.id === 'land-use-right-first').map((r) => r.level)).toEqual(['commune', 'district']);
    expect(rows.find((r) => r.id === 'land-use-right-first' && r.level === 'district')).toMatchObject({
      level: 'district',
      limit: '20wd (date)',
      agencies: ['commune', 'landOffice', 'tax', 'issuer'],
      linked: true,
      legal: ['Decree 101/2024/NĐ-CP on land registration and certificates', 'Land Law 2024 (31/2024/QH15)'],
    });
  });
});

describe('a same-day limit in words', () => {
  it('is the same day, not one working day, in explain and list, in English and Vietnamese', async () => {
    const explain = await runCli(['explain', 'birth-registration', '--received', '2026-03-02T09:00', '--dossier', '{"needsVerification":false}']);
    expect(explain.out).toContain('Limit: the same day (received at or after 15:00: the next working day), due at the close of office hours — Law on Civil Status 2014 (60/2014/QH13) Art. 16');
    const vi = await runCli(['--lang', 'vi', 'explain', 'birth-registration', '--received', '2026-03-02T09:00', '--dossier', '{"needsVerification":false}']);
    expect(vi.out).toContain('Thời hạn giải quyết: trong ngày (tiếp nhận từ 15:00 trở đi: ngày làm việc tiếp theo), hạn là giờ đóng cửa — ');
    const list = await runCli(['list', '--on', '2026-03-02']);
    expect(list.out.split('\n').find((l) => l.startsWith('birth-registration '))).toMatch(/ the same day +committee /);
    expect(`${explain.out}${vi.out}${list.out}`).not.toMatch(/1 working day, the same day|1 ngày làm việc, trả trong ngày/);
  });
});

describe('motcua explain', () => {
  it('replays a case and gives each due date with its reasons', async () => {
    const events = `${dir}/land-events.json`;
    writeFileSync(
      events,
      JSON.stringify([
        { type: 'ACCEPT', at: '2025-03-03T09:30', by: 'desk' },
        { type: 'TRANSFER', at: '2025-03-03T14:00', by: 'desk' },
        { type: 'REQUEST_SUPPLEMENT', at: '2025-03-04T10:00', by: 'commune', step: 'verify-origin', missing: ['land use history'] },
        { type: 'SUPPLY', at: '2025-03-06T10:00', by: 'applicant' },
      ]),
    );
    const { code, out } = await runCli(['explain', 'land-use-right-first', '--received', '2025-03-03T09:00', '--events', events, '--dossier', '{"remoteCommune":false}']);
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      'land-use-right-first 2024.1 — First registration and land-use-right certificate',
      'Limit: 20 working days, counted in whole days (Civil Code 2015 Art. 147–148) — Decree 101/2024/NĐ-CP on land registration and certificates [uncertain]',
      'Received: Monday 03/03/2025 09:00 (in person); status 4 processing',
      'Accepted: Monday 03/03/2025 09:30; the day of receipt is not counted (Civil Code 2015 Art. 147)',
      '  paused Tuesday 04/03/2025 10:00 – Thursday 06/03/2025 10:00: waiting for papers requested by Commune People’s Committee (step verify-origin)',
      // 20 wd from Tuesday 4 March; Tuesday is used, the pause until Thursday is not; counting resumes on Friday 7.
      '  due: end of Wednesday 02/04/2025',
      '    skipped Saturday–Sunday 08/03/2025–09/03/2025 (weekly rest)',
      '    skipped Saturday–Sunday 15/03/2025–16/03/2025 (weekly rest)',
      '    skipped Saturday–Sunday 22/03/2025–23/03/2025 (weekly rest)',
      '    skipped Saturday–Sunday 29/03/2025–30/03/2025 (weekly rest)',
      'Steps:',
      // 40 working hours from Monday 14:00; 5 used before the request, 35 from Thursday 10:00.
      '  verify-origin — Commune People’s Committee — share 5 working days — from Monday 03/03/2025 14:00, due Wednesday 12/03/2025 14:00 — in progress',
      '    paused Tuesday 04/03/2025 10:00 – Thursday 06/03/2025 10:00: waiting for papers',
      '',
    ]);
  });

  it('explains in Vietnamese with --lang vi before the command, limits and shares in words that say their unit', async () => {
    const events = `${dir}/land-events-vi.json`;
    writeFileSync(events, JSON.stringify([{ type: 'ACCEPT', at: '2025-03-03T09:30', by: 'desk' }, { type: 'TRANSFER', at: '2025-03-03T14:00', by: 'desk' }]));
    const { code, out } = await runCli(['--lang', 'vi', 'explain', 'land-use-right-first', '--received', '2025-03-03T09:00', '--events', events, '--dossier', '{"remoteCommune":false}']);
    expect(code).toBe(0);
    expect(out.split('\n').slice(1, 5)).toEqual([
      'Thời hạn giải quyết: 20 ngày làm việc, tính theo ngày (Bộ luật Dân sự 2015, Điều 147–148) — Nghị định 101/2024/NĐ-CP [chưa chắc chắn]',
      'Tiếp nhận: Thứ hai 03/03/2025 09:00 (trực tiếp); trạng thái 4 Đang xử lý',
      'Tiếp nhận hồ sơ hợp lệ: Thứ hai 03/03/2025 09:30; không tính ngày tiếp nhận (Bộ luật Dân sự 2015, Điều 147)',
      '  hạn: hết ngày Thứ hai 31/03/2025',
    ]);
    expect(out).toContain('Các bước:\n  verify-origin — UBND xã — thời gian 5 ngày làm việc — từ Thứ hai 03/03/2025 14:00');
  });

  it('does not list weekends as skipped for a limit in calendar days, only the days its end rolled over', async () => {
    const events = `${dir}/judicial-events.json`;
    writeFileSync(events, JSON.stringify([{ type: 'ACCEPT', at: '2025-01-20T09:10', by: 'desk' }]));
    const tet = await runCli(['explain', 'judicial-record', '--received', '2025-01-20T09:00', '--events', events, '--dossier', '{"complex":false}']);
    // 10 calendar days from Monday 20 January end on Thursday 30, inside Tết: the end moves to Monday 3 February.
    expect(tet.out).toContain('  due: end of Monday 03/02/2025\n    skipped 30/01/2025–02/02/2025: Tết holiday 2025 (Ất Tỵ), official\n');
    writeFileSync(events, JSON.stringify([{ type: 'ACCEPT', at: '2025-03-03T09:10', by: 'desk' }]));
    const march = await runCli(['explain', 'judicial-record', '--received', '2025-03-03T09:00', '--events', events, '--dossier', '{"complex":false}']);
    expect(march.out).toContain('  due: end of Thursday 13/03/2025\n');
    expect(march.out).not.toContain('skipped');
  });

  it('takes the dossier inline or from a file, and names the file it cannot read', async () => {
    const file = `${dir}/dossier.json`;
    writeFileSync(file, '{"remoteCommune":true}');
    const inline = await runCli(['explain', 'land-use-right-first', '--received', '2025-03-03T09:00', '--dossier', '{"remoteCommune":true}']);
    const fromFile = await runCli(['explain', 'land-use-right-first', '--received', '2025-03-03T09:00', '--dossier', file]);
    expect(inline.code).toBe(0);
    expect(fromFile).toEqual(inline);
    const missing = await runCli(['explain', 'land-use-right-first', '--received', '2025-03-03T09:00', '--dossier', `${dir}/none.json`]);
    expect([missing.code, missing.err]).toEqual([2, `motcua: ${dir}/none.json: --dossier: is neither a JSON object nor a readable file. Give --dossier '{"field":value}' or --dossier dossier.json.\n`]);
  });

  it('overrides the scenario file with simulate --seed and --replications', async () => {
    const { code, out } = await runCli(['simulate', `${ROOT}simulations/mmc-validation.yaml`, '--replications', '1', '--seed', '7', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { scenario: { seed: number; replications: number } };
    expect([report.scenario.seed, report.scenario.replications]).toEqual([7, 1]);
  }, 300_000);

  it('refuses a language it does not have, before or after the command', async () => {
    for (const argv of [['--lang', 'fr', 'list'], ['list', '--lang', 'fr']]) {
      const { code, err } = await runCli(argv);
      expect(code).toBe(2);
      expect(err).toBe('motcua: --lang: "fr" is not a language of motcua. Use --lang vi or --lang en.\n');
    }
  });

  it('refuses an event the case does not allow, naming the file and the event', async () => {
    const events = `${dir}/bad-events.json`;
    writeFileSync(events, JSON.stringify([{ type: 'COMPLETE', at: '2025-03-03T10:00', by: 'commune', step: 'verify-origin' }]));
    const { code, err } = await runCli(['explain', 'land-use-right-first', '--received', '2025-03-03T09:00', '--events', events, '--dossier', '{"remoteCommune":false}']);
    expect(code).toBe(2);
    expect(err).toBe(`motcua: ${events}: 0: event 0 (COMPLETE at 2025-03-03T10:00+07:00) is refused: COMPLETE is not possible now (status 1 submitted); possible now: ACCEPT, REQUEST_COMPLETION, REFUSE, WITHDRAW.\n`);
  });

  it('picks the version in force on the day of receipt', async () => {
    const { code, err } = await runCli(['explain', 'land-use-right-first', '--received', '2024-07-01T09:00', '--dossier', '{"remoteCommune":false}']);
    expect(code).toBe(2);
    expect(err).toBe('motcua: --received: no version of land-use-right-first is in force on 2024-07-01 (versions: 2024.1 from 2024-08-01 to 2025-06-30, 2025.1 from 2025-07-01). Give a date of receipt inside one of them, or add a version for that date.\n');
  });
});

