import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/calendar/instant.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import { openSession } from '../../src/tui/session.ts';
import { StepApp } from '../../src/tui/StepApp.tsx';
import { landUseRightFirst } from '../../procedures/land-use-right-first.ts';
import { runCli } from '../support/cli.ts';
import { ENGLISH, englishIn, expectMistakeInVietnamese } from '../support/english-words.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = `${ROOT}test-artifacts/i18n`;
mkdirSync(dir, { recursive: true });

describe('with --lang vi no English label is printed', () => {
  it('has English words to look for', () => {
    expect(ENGLISH).toEqual(expect.arrayContaining(['limit', 'received', 'steps', 'working', 'decree', 'circular']));
  });

  it('explain', async () => {
    const { code, out } = await runCli(['--lang', 'vi', 'explain', 'land-use-right-first', '--received', '2025-03-03T09:00', '--dossier', '{"remoteCommune":false}']);
    expect(code).toBe(0);
    expect(englishIn(out)).toEqual([]);
  });

  it('list', async () => {
    const { code, out } = await runCli(['list', '--lang', 'vi']);
    expect(code).toBe(0);
    expect(englishIn(out)).toEqual([]);
  });

  it('check', async () => {
    const { out } = await runCli(['check', `${ROOT}procedures/birth-registration.ts`, '--lang', 'vi', '--seed', '1', '--runs', '5']);
    expect(out).toContain('đạt');
    expect(englishIn(out)).toEqual([]);
  }, 300_000);

  it('simulate and report --summary', async () => {
    const sim = await runCli(['simulate', `${ROOT}simulations/mmc-validation.yaml`, '--replications', '1', '--lang', 'vi']);
    expect(sim.code).toBe(0);
    expect(englishIn(sim.out)).toEqual([]);
    const report = await runCli(['report', `${ROOT}simulations/mmc-validation.yaml`, '--replications', '1', '--summary', '--lang', 'vi', '-o', `${dir}/mmc.html`]);
    expect(report.code).toBe(0);
    expect(englishIn(report.out)).toEqual([]);
  }, 300_000);

  it.each(['mermaid', 'dot', 'bpmn'] as const)('graph --format %s', async (format) => {
    const { code, out } = await runCli(['graph', 'land-use-right-first', '--format', format, '--lang', 'vi']);
    expect(code).toBe(0);
    // The diagram languages' keywords and node ids (state, graph, desk:receipt, bpmn:startEvent) are
    // not labels: only the texts a reader sees are read (Mermaid's state names and edge labels,
    // DOT's label="…", BPMN's name="…").
    const pattern = { mermaid: /state "([^"]*)"|: (.*)$/gm, dot: /label="([^"]*)"/g, bpmn: /name="([^"]*)"/g }[format]!;
    const labels = [...out.matchAll(pattern)].map((m) => m[1] ?? m[2]).join('\n');
    expect(labels.length).toBeGreaterThan(200);
    expect(englishIn(labels)).toEqual([]);
  });

  it('the stepper', async () => {
    const proc = compileProcedure(landUseRightFirst);
    const session = openSession(proc, { receivedAt: parseInstant('2025-03-03T09:00'), channel: 'in-person', dossier: { remoteCommune: false } });
    const r = render(<StepApp initial={session} lang="vi" color={false} onSave={() => ''} />);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const frame = r.lastFrame() ?? '';
    expect(englishIn(frame), frame).toEqual([]);
    // And after acting, moving the clock and undoing: the messages and the clock's units too.
    for (const key of ['1', '\r', '1', '\r', 'd', 'u', 'n']) {
      r.stdin.write(key);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const now = r.lastFrame() ?? '';
      expect(englishIn(now), `after ${JSON.stringify(key)}:\n${now}`).toEqual([]);
    }
    expect(r.lastFrame()).toContain('Đã dùng    19 / 20 ngày làm việc, còn 1');
    expect(r.lastFrame()).toContain('Đồng hồ đến mốc tới → đến hạn xin lỗi');
    expect(r.lastFrame()).toContain('Mốc tới    quá hạn 01/04 00:00');
    r.unmount();
  });
});

describe('with --lang vi a mistake is told in Vietnamese, on one line, with exit code 2', () => {
  const birth = `${ROOT}procedures/birth-registration.ts`;
  const mistakes: readonly [string, readonly string[], string][] = [
    ['an unknown command', ['--lang', 'vi', 'nope'], 'motcua: không có lệnh "nope". Chạy motcua --help để xem danh sách lệnh.'],
    ['an unknown option', ['calendar', 'holidays', '2026', '--colour', '--lang', 'vi'], "motcua: không có tùy chọn '--colour'. Chạy motcua --help để xem các tùy chọn được chấp nhận."],
    ['an option without its value', ['--lang', 'vi', 'simulate', 'x.yaml', '--seed'], "motcua: tùy chọn '--seed' cần một giá trị. Chạy motcua --help để xem cách dùng."],
    ['a date that does not exist', ['--lang', 'vi', 'calendar', 'add', '2025-02-30', '3wd'], 'motcua: <start>: "2025-02-30" không phải ngày: 2025-02 có 28 ngày. Viết YYYY-MM-DD.'],
    ['a count that is not a number', ['--lang', 'vi', 'check', birth, '--runs', 'many'], 'motcua: --runs: --runs "many" phải là số nguyên ≥ 0.'],
    ['a missing --received', ['--lang', 'vi', 'explain', 'birth-registration'], 'motcua: --received: explain cần --received <YYYY-MM-DDTHH:MM>, thời điểm Bộ phận Một cửa tiếp nhận hồ sơ.'],
    ['a procedure that is not there', ['--lang', 'vi', 'explain', 'birth', '--received', '2026-03-02T09:00'], 'motcua: "birth" không phải tệp, cũng không phải thủ tục trong danh mục. Các mã có:'],
    ['a dossier without a field the procedure needs', ['--lang', 'vi', 'explain', 'land-use-right-first', '--received', '2025-03-03T09:00'], 'motcua: dossier.remoteCommune: hồ sơ cần trường "remoteCommune" (Xã miền núi, hải đảo, vùng khó khăn).'],
    ['a date of receipt outside every version', ['--lang', 'vi', 'explain', 'land-use-right-first', '--received', '2024-07-01T09:00'], 'motcua: --received: không có phiên bản nào của land-use-right-first có hiệu lực vào ngày 2024-07-01 (các phiên bản: 2024.1 từ 2024-08-01 đến 2025-06-30, 2025.1 từ 2025-07-01)'],
    ['a graph without a format', ['--lang', 'vi', 'graph', 'birth-registration'], 'motcua: --format: thiếu --format; dùng --format mermaid, dot hoặc bpmn.'],
  ];
  it.each(mistakes)('%s', async (_what, argv, start) => {
    await expectMistakeInVietnamese(argv, start);
  });

  it('an event the case refuses, with the state and what is possible in Vietnamese', async () => {
    const events = `${dir}/refused-events.json`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(events, JSON.stringify([{ type: 'COMPLETE', at: '2025-03-03T10:00', step: 'register', by: 'desk' }]));
    const { code, err } = await runCli(['--lang', 'vi', 'explain', 'land-use-right-first', '--received', '2025-03-03T09:00', '--dossier', '{"remoteCommune":false}', '--events', events]);
    expect(code).toBe(2);
    expect(err).toBe(`motcua: ${events}: 0: sự kiện 0 (COMPLETE lúc 2025-03-03T10:00+07:00) bị từ chối: lúc này không thể COMPLETE (trạng thái 1 Mới đăng ký); có thể: ACCEPT, REQUEST_COMPLETION, REFUSE, WITHDRAW.\n`);
  });

  it('a procedure with an unknown agency, told by check in Vietnamese', async () => {
    const { writeFileSync } = await import('node:fs');
    const { tinySpec } = await import('../support/specs.ts');
    const spec = tinySpec();
    const file = `${dir}/unknown-agency.json`;
    writeFileSync(file, JSON.stringify({ ...spec, flow: [{ ...spec.flow[0], agency: 'policee' }, ...spec.flow.slice(1)] }));
    const { code, err } = await runCli(['--lang', 'vi', 'check', file]);
    expect(code).toBe(2);
    expect(err).toMatch(/^motcua: .*unknown-agency\.json: flow\.0\.agency: không có cơ quan "policee"\. Các cơ quan đã khai báo: .*\. Khai báo nó trong "agencies" hoặc sửa tên\.\n/);
    expect(englishIn(err)).toEqual([]);
  });

  it('the same mistakes keep their English without --lang vi', async () => {
    const { err } = await runCli(['--lang', 'en', 'explain', 'land-use-right-first', '--received', '2024-07-01T09:00']);
    expect(err).toBe('motcua: --received: no version of land-use-right-first is in force on 2024-07-01 (versions: 2024.1 from 2024-08-01 to 2025-06-30, 2025.1 from 2025-07-01). Give a date of receipt inside one of them, or add a version for that date.\n');
  });
});

describe('--lang is accepted by every command, before or after it', () => {
  it.each([
    ['serve', ['serve', '--lang', 'vi'], 'motcua: --db:'],
    ['calibrate', ['calibrate', 'log.csv', '--lang=vi'], 'motcua: --procedure:'],
    ['complaint', ['--lang', 'en', 'complaint', 'list', '--db', 'missing.db', '--lang', 'vi'], 'motcua: missing.db:'],
  ] as const)('%s', async (_command, argv, start) => {
    const { code, err } = await runCli(argv);
    expect(code).toBe(2);
    expect(err.startsWith(start), err).toBe(true);
    expect(err).not.toContain("'--lang'");
  });

  it('leaves an argument after -- alone', async () => {
    const { err } = await runCli(['calendar', 'add', '--', '--lang', 'vi']);
    expect(err).toBe('motcua: <duration>: "vi" is not a duration. Write a non-negative number and a unit: 3wd, 0.5wd, 4wh, 10d, "3 working days", "4 working hours", "10 days".\n');
  });
});
