import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

describe('motcua calendar holidays', () => {
  it('prints the 2026 exceptions as JSON in the documented shape', async () => {
    const { code, out } = await runCli(['calendar', 'holidays', '2026', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.year).toBe(2026);
    expect(report.days).toHaveLength(15);
    expect(report.days[8]).toEqual({
      date: '2026-04-27',
      working: false,
      reason: 'Hùng Kings day compensated (26 April 2026 is a Sunday)',
      source: 'official',
      reference: 'Labor Code 2019 (45/2019/QH14), applied in the 2026 announcement Art. 111.3',
      confidence: 'src',
    });
  });

  it('shows Saturdays worked with working: true', async () => {
    const days = JSON.parse((await runCli(['calendar', 'holidays', '2025', '--json'])).out).days as { date: string; working: boolean }[];
    expect(days.filter((d) => d.working).map((d) => d.date)).toEqual(['2025-04-26']);
  });

  it('speaks Vietnamese with --lang vi or a Vietnamese locale', async () => {
    expect((await runCli(['calendar', 'holidays', '2026', '--lang', 'vi'])).out).toContain('2026-04-30  Thứ năm   nghỉ     luật      Ngày Chiến thắng');
    expect((await runCli(['calendar', 'holidays', '2026'], { LANG: 'vi_VN.UTF-8' })).out.split('\n')[0]).toBe('Ngày khác lịch tuần, 2026');
  });
});

describe('motcua calendar lunar and solar', () => {
  it('converts Tết 2030 (2 February in Vietnam, 3 February in China)', async () => {
    expect(JSON.parse((await runCli(['calendar', 'lunar', '2030-02-02', '--json'])).out)).toEqual({
      solar: '2030-02-02',
      lunar: { year: 2030, month: 1, day: 1, leap: false },
    });
  });

  it('converts a leap-month date back to the solar calendar', async () => {
    expect((await runCli(['calendar', 'solar', '2025-06-01', '--leap'])).out).toBe('1/6 (leap)/2025 (âm lịch) = 2025-07-25\n');
  });
});

describe('motcua calendar add', () => {
  it('uses the legal date mode for a date and explains the result', async () => {
    const { code, out } = await runCli(['calendar', 'add', '2025-01-24', '3wd', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      start: '2025-01-24',
      duration: '3wd',
      mode: 'date',
      due: '2025-02-05',
      explanation: [
        'start day Friday 24/01/2025 is not counted',
        'skipped 25/01/2025–02/02/2025: Tết holiday 2025 (Ất Tỵ), official',
        '3 working days end on Wednesday 05/02/2025, at the end of the day',
      ],
    });
  });

  it('uses the hours mode for a local date-time', async () => {
    const { out } = await runCli(['calendar', 'add', '2025-01-24T14:30', '3 working days']);
    expect(out.split('\n')[0]).toBe('Due: 2025-02-05T14:30+07:00');
  });
});

describe('bad input: exit code 2 and a one-line message that names the input and the accepted forms', () => {
  it.each([
    [['calendar', 'add', '2025-02-30', '3wd'], 'motcua: <start>: "2025-02-30" is not a date: 2025-02 has 28 days. Write YYYY-MM-DD.\n'],
    [['calendar', 'add', '2025-01-24', '3xd'], 'motcua: <duration>: "3xd" is not a duration. Write a non-negative number and a unit: 3wd, 0.5wd, 4wh, 10d, "3 working days", "4 working hours", "10 days".\n'],
    [['calendar', 'holidays', '2200'], 'motcua: <year>: "2200" is not a supported year. Give a year from 2008 to 2100, e.g. 2026.\n'],
    [['calendar', 'lunar', '2200-01-01'], expect.stringMatching(/^motcua: .*2200-01-01.*\n$/)],
    [['calendar', 'add', '2025-01-24'], 'motcua: calendar add takes <start> <duration>; got "2025-01-24". Example: motcua calendar add 2025-01-24 3wd\n'],
    [['calendar', 'frobnicate'], 'motcua: unknown subcommand "frobnicate": use holidays, lunar, solar or add. Run motcua calendar --help for the usage.\n'],
    [['calendar', 'holidays', '2026', '--colour'], "motcua: unknown option '--colour'. Run motcua --help for the accepted options.\n"],
    [['nonsense'], 'motcua: unknown command "nonsense". Run motcua --help for the list of commands.\n'],
  ])('%j', async (argv, message) => {
    const { code, out, err } = await runCli(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toEqual(message);
  });
});
