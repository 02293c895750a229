import {
  BusinessCalendar,
  explainDateDue,
  explainInstantDue,
  formatInstant,
  formatLocalDate,
  lunarNewYear,
  parseDuration,
  parseInstant,
  parseLocalDate,
  solarToLunar,
} from '../calendar/index.ts';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { durationWords, label, t } from '../i18n/translate.ts';
import { EXIT, type Io, pickLang } from './io.ts';

/** Worked examples of the calendar, fixed so that the output is the same on every run. */
export function demoCommand(args: readonly string[], io: Io): number {
  const { values } = parseArgs({ args: [...args], options: { json: { type: 'boolean', default: false }, lang: { type: 'string' } }, allowPositionals: false, strict: true });
  if (values.json) throw new UsageError('usage', label('error.demo.json', { command: 'motcua calendar add 2025-01-24 3wd --json' }), { path: ['--json'] });
  const lang = pickLang(values.lang, io.env);
  const cal = new BusinessCalendar();
  io.out(`${t(lang, 'demo.title')}\n\n`);
  io.out(`${t(lang, 'demo.tet')}\n`);
  for (const year of [1985, 2007, 2025, 2026, 2030]) {
    const d = lunarNewYear(year);
    const l = solarToLunar(d);
    io.out(`  ${year}: ${formatLocalDate(d)} (${t(lang, 'calendar.lunar')} ${l.day}/${l.month}/${l.year})\n`);
  }
  const examples: readonly [string, string][] = [
    ['2025-01-24', '3wd'],
    ['2026-04-24', '1wd'],
    ['2025-08-25', '10d'],
    ['2025-01-24T14:30', '3wd'],
    ['2025-04-29T16:00', '4wh'],
  ];
  for (const [start, duration] of examples) {
    const d = parseDuration(duration);
    const r = start.includes('T')
      ? (() => {
          const x = explainInstantDue(cal, parseInstant(start), d);
          return { due: formatInstant(x.due), explanation: x.explanation };
        })()
      : (() => {
          const x = explainDateDue(cal, parseLocalDate(start), d);
          return { due: formatLocalDate(x.due), explanation: x.explanation };
        })();
    io.out(`\n${start} + ${durationWords(d, lang)} → ${t(lang, 'calendar.due')} ${r.due}\n`);
    for (const line of r.explanation) io.out(`  - ${line.text[lang]}\n`);
  }
  io.out(`\n${t(lang, 'demo.try')}: motcua calendar holidays 2026 | motcua calendar add 2025-01-24 3wd --json | motcua calendar lunar 2030-02-02\n`);
  return EXIT.ok;
}
