import { parseArgs } from 'node:util';
import { label, labelBy, t } from '../i18n/translate.ts';
import {
  BusinessCalendar,
  DURATION_FORMS,
  type LocalDate,
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  VN_MAX_YEAR,
  VN_MIN_YEAR,
  explainDateDue,
  explainInstantDue,
  formatDuration,
  formatInstant,
  formatLocalDate,
  formatVnDate,
  isProvisional,
  lunarToSolar,
  parseDuration,
  parseInstant,
  parseLocalDate,
  solarToLunar,
  weekdayName,
} from '../calendar/index.ts';
import { looksLikeInstant } from '../calendar/instant.ts';
import { UsageError } from '../errors.ts';
import { citeRef } from '../legal.ts';
import { EXIT, type Io, type Lang, json, pickLang } from './io.ts';
import { CALENDAR_USAGE } from './usage.ts';

const OPTIONS = {
  json: { type: 'boolean', default: false },
  lang: { type: 'string' },
  leap: { type: 'boolean', default: false },
} as const;

/** `motcua calendar …`. */
export function calendarCommand(args: readonly string[], io: Io): number {
  const { values, positionals } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  const lang = pickLang(values.lang, io.env);
  const [sub, ...rest] = positionals;
  switch (sub) {
    case 'holidays':
      return holidays(expectArgs(rest, ['<year>'], 'holidays'), values.json, lang, io);
    case 'lunar':
      return lunar(expectArgs(rest, ['<YYYY-MM-DD>'], 'lunar'), values.json, io);
    case 'solar':
      return solar(expectArgs(rest, ['<YYYY-MM-DD>'], 'solar'), values.leap, values.json, io);
    case 'add':
      return add(expectArgs(rest, ['<start>', '<duration>'], 'add'), values.json, lang, io);
    default:
      throw new UsageError('usage', sub === undefined ? label('error.calendar.sub.missing') : label('error.calendar.sub.unknown', { sub }));
  }
}

function expectArgs(rest: readonly string[], names: readonly string[], sub: string): string[] {
  if (rest.length !== names.length) {
    const got = (lang: Lang) => (rest.length === 0 ? t(lang, 'error.calendar.args.nothing') : rest.map((r) => `"${r}"`).join(' '));
    throw new UsageError('usage', labelBy('error.calendar.args', (lang) => ({ sub, names: names.join(' '), got: got(lang), example: `motcua calendar ${sub} ${EXAMPLES[sub]}` })));
  }
  return [...rest];
}

const EXAMPLES: Readonly<Record<string, string>> = { holidays: '2026', lunar: '2030-02-02', solar: '2030-01-01', add: '2025-01-24 3wd' };

function holidays([yearText]: string[], asJson: boolean, lang: Lang, io: Io): number {
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText!) || year < VN_MIN_YEAR || year > VN_MAX_YEAR) {
    throw new UsageError('bad-year', label('error.calendar.year', { year: yearText ?? '', min: VN_MIN_YEAR, max: VN_MAX_YEAR }), { path: ['<year>'] });
  }
  const days = new BusinessCalendar().days.exceptions(year);
  if (asJson) {
    io.out(
      json({
        year,
        days: days.map((s) => ({
          date: formatLocalDate(s.date),
          working: s.working,
          reason: s.reason[lang],
          source: s.source,
          reference: citeRef(s.ref),
          confidence: s.ref.confidence,
          ...(s.provisional === undefined ? {} : { provisional: true, note: s.provisional[lang] }),
        })),
      }),
    );
    return EXIT.ok;
  }
  io.out(`${lang === 'vi' ? 'Ngày khác lịch tuần' : 'Days that differ from the weekly pattern'}, ${year}\n`);
  for (const s of days) {
    const status = s.working ? (lang === 'vi' ? 'làm việc' : 'working') : lang === 'vi' ? 'nghỉ' : 'off';
    const mark = s.provisional === undefined ? '' : ` (${lang === 'vi' ? 'tạm tính' : 'provisional'}: ${s.provisional[lang]})`;
    const source = lang === 'vi' ? SOURCE_VI[s.source] : s.source;
    io.out(`${formatLocalDate(s.date)}  ${weekdayName(s.date, lang).padEnd(9)} ${status.padEnd(8)} ${source.padEnd(9)} ${s.reason[lang]}${mark}\n`);
  }
  return EXIT.ok;
}

function lunar([text]: string[], asJson: boolean, io: Io): number {
  const date = parseLocalDate(text!, ['<YYYY-MM-DD>']);
  const l = solarToLunar(date);
  if (asJson) io.out(json({ solar: formatLocalDate(date), lunar: l }));
  else io.out(`${formatLocalDate(date)} = ${l.day}/${l.month}${l.leap ? ' (leap)' : ''}/${l.year} (âm lịch)\n`);
  return EXIT.ok;
}

function solar([text]: string[], leap: boolean, asJson: boolean, io: Io): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text!);
  if (m === null) throw new UsageError('bad-date', label('error.calendar.lunar-date', { text: text ?? '' }), { path: ['<YYYY-MM-DD>'] });
  const l = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), leap };
  const date: LocalDate = lunarToSolar(l);
  if (asJson) io.out(json({ lunar: l, solar: formatLocalDate(date) }));
  else io.out(`${l.day}/${l.month}${leap ? ' (leap)' : ''}/${l.year} (âm lịch) = ${formatLocalDate(date)}\n`);
  return EXIT.ok;
}

function add([startText, durationText]: string[], asJson: boolean, lang: Lang, io: Io): number {
  const duration = parseDuration(durationText!, ['<duration>']);
  const cal = new BusinessCalendar();
  const hoursMode = looksLikeInstant(startText!);
  const result = hoursMode
    ? (() => {
        const r = explainInstantDue(cal, parseInstant(startText!, ['<start>']), duration);
        return { due: formatInstant(r.due), explanation: r.explanation };
      })()
    : (() => {
        const r = explainDateDue(cal, parseLocalDate(startText!, ['<start>']), duration);
        return { due: formatLocalDate(r.due), vn: formatVnDate(r.due), explanation: r.explanation };
      })();
  const lines = result.explanation.map((l) => l.text[lang]);
  if (asJson) {
    const provisional = isProvisional(result.explanation) ? { provisional: true } : {};
    io.out(json({ start: startText, duration: formatDuration(duration), mode: hoursMode ? 'hours' : 'date', due: result.due, ...provisional, explanation: lines }));
    return EXIT.ok;
  }
  io.out(`${lang === 'vi' ? 'Hạn' : 'Due'}: ${result.due}\n`);
  for (const line of lines) io.out(`  - ${line}\n`);
  return EXIT.ok;
}

/** Where a day's status comes from, in Vietnamese: the weekly pattern, the Labor Code's rules, an official announcement. */
const SOURCE_VI: Readonly<Record<'weekly' | 'rule' | 'official', string>> = { weekly: 'hằng tuần', rule: 'luật', official: 'thông báo' };
