import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tinySpec } from '../support/specs.ts';
import { runCli } from '../support/cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = `${ROOT}test-artifacts/cli/check-provisional`;
mkdirSync(dir, { recursive: true });
const file = `${dir}/tiny.json`;
writeFileSync(file, JSON.stringify(tinySpec()));

type Checked = { receivedOn: string; status: string; procedures: { status: string; warnings: { code: string; message: string }[] }[] };
const check = async (...extra: string[]) => {
  const { code, out } = await runCli(['check', file, '--seed', '1', '--runs', '5', '--json', ...extra]);
  return { code, report: JSON.parse(out) as Checked };
};

describe('motcua check and days with no official announcement', () => {
  it('warns when a 3-working-day limit from 30/12/2026 runs over New Year 2027, which is not announced', async () => {
    const { code, report } = await check('--received', '2026-12-30');
    expect(code).toBe(0);
    expect([report.receivedOn, report.status, report.procedures[0]!.status]).toEqual(['2026-12-30', 'warn', 'warn']);
    expect(report.procedures[0]!.warnings).toEqual([
      {
        code: 'provisional-calendar',
        message:
          "provisional calendar: a dossier received on 2026-12-30 is due end of Tuesday 05/01/2027, counted over days with no official announcement yet (skipped 01/01/2027–03/01/2027: weekly rest; New Year's Day, Labor Code 2019 (45/2019/QH14) Art. 112; provisional: no official announcement for New Year's Day 2027); the date may move when the year is announced",
      },
    ]);
  });

  it('says it in Vietnamese too', async () => {
    const { out } = await runCli(['check', file, '--seed', '1', '--runs', '5', '--received', '2026-12-30', '--lang', 'vi']);
    expect(out).toContain(
      '\n  ! cảnh báo: lịch tạm tính: hồ sơ tiếp nhận ngày 2026-12-30 có hạn hết ngày Thứ ba 05/01/2027, tính qua những ngày chưa có thông báo chính thức (bỏ qua 01/01/2027–03/01/2027: nghỉ hằng tuần; Tết Dương lịch, Bộ luật Lao động 2019 (45/2019/QH14) Điều 112; tạm tính: chưa có thông báo chính thức về Tết Dương lịch 2027); hạn có thể thay đổi khi có thông báo của năm đó\n',
    );
  });

  it('does not warn when the limit ends inside announced days (received 02/12/2026, due 07/12/2026)', async () => {
    const { report } = await check('--received', '2026-12-02');
    expect([report.status, report.procedures[0]!.warnings]).toEqual(['pass', []]);
  });

  it('looks at a dossier received today when no date is given (the CLI clock of the test: 28/11/2025)', async () => {
    const { report } = await check();
    expect([report.receivedOn, report.status]).toEqual(['2025-11-28', 'pass']);
  });

  it('does not look at a day the version is not in force', async () => {
    const { report } = await check('--received', '2023-12-30');
    expect(report.procedures[0]!.warnings).toEqual([]);
  });

  it('refuses a --received that is not a date with exit 2 and one line', async () => {
    const { code, out, err } = await runCli(['check', file, '--received', '2026-13-01']);
    expect([code, out]).toEqual([2, '']);
    expect(err).toBe('motcua: --received: "2026-13-01" is not a date: month 13 is not in 1–12. Write YYYY-MM-DD.\n');
  });
});

describe('motcua explain and days with no official announcement', () => {
  const events = `${dir}/accept-2027.json`;
  writeFileSync(events, JSON.stringify([{ type: 'ACCEPT', at: '2027-02-01T09:10', by: 'desk' }]));

  it('marks the JSON provisional when the due date counts over Tết 2027, and says why in the lines', async () => {
    const { code, out } = await runCli(['explain', file, '--received', '2027-02-01T09:00', '--events', events, '--json']);
    expect(code).toBe(0);
    const explained = JSON.parse(out) as { provisional?: boolean; explanation: string[] };
    expect(explained.provisional).toBe(true);
    expect(explained.explanation.filter((l) => l.includes('provisional'))).toEqual([
      '    skipped 04/02/2027–10/02/2027: weekly rest; Tết (Lunar New Year), Labor Code 2019 (45/2019/QH14) Art. 112; provisional: no official announcement for Tết 2027',
    ]);
  });

  it('leaves the flag out over the announced Tết 2026', async () => {
    const accepted = `${dir}/accept-2026.json`;
    writeFileSync(accepted, JSON.stringify([{ type: 'ACCEPT', at: '2026-02-13T09:10', by: 'desk' }]));
    const { out } = await runCli(['explain', file, '--received', '2026-02-13T09:00', '--events', accepted, '--json']);
    expect('provisional' in (JSON.parse(out) as object)).toBe(false);
  });
});
