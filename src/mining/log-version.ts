import { formatLocalDate } from '../calendar/date.ts';
import { type Instant, localDateOf } from '../calendar/instant.ts';
import { type Dated, describeVersions, versionInForce } from '../dsl/in-force.ts';
import { LogError } from '../errors.ts';
import { labelBy, t } from '../i18n/translate.ts';
import type { EventLog } from './log.ts';

/** The version a log was received under, and the receipt days that say so. */
export interface LogVersion<T extends Dated> {
  readonly spec: T;
  /** Cases of the procedure in the log (those `calibrate` reads). */
  readonly cases: number;
  /** `YYYY-MM-DD`, the first and last days of receipt (Vietnamese time) of those cases; undefined without cases. */
  readonly from: string | undefined;
  readonly to: string | undefined;
}

/**
 * Which version of a procedure a log's cases were received under: every case's day of receipt
 * (its first event, Vietnamese time) must fall in the one version in force on it
 * ({@link versionInForce}, the rule the engine and the simulator use). A log without a case of the
 * procedure gets the newest version (`calibrate` then says there is no case).
 *
 * @throws LogError `spans-versions` when the cases were received under more than one version, and
 *   `not-in-force` when some were received on days no version is in force, naming the days
 * @example versionOfLog([v2024, v2025], log).spec.version // '2024.1' for receipts of March 2025
 */
export function versionOfLog<T extends Dated>(versions: readonly T[], log: EventLog): LogVersion<T> {
  const id = versions[0]?.id ?? 'the procedure';
  const hasProcedure = log.traces.some((t) => t.attributes['procedure'] !== undefined);
  const days = new Map<string, number>();
  for (const t of log.traces) {
    if (t.events.length === 0 || (hasProcedure && t.attributes['procedure'] !== id)) continue;
    const day = formatLocalDate(localDateOf(t.events[0]!.time as Instant));
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  if (days.size === 0) return { spec: versions.reduce((a, b) => (b.effectiveFrom > a.effectiveFrom ? b : a)), cases: 0, from: undefined, to: undefined };
  const sorted = [...days.keys()].sort();
  const under = new Map<T, { cases: number; from: string; to: string }>();
  const outside: string[] = [];
  for (const day of sorted) {
    let v: T;
    try {
      v = versionInForce(versions, day);
    } catch {
      outside.push(day);
      continue;
    }
    const u = under.get(v);
    if (u === undefined) under.set(v, { cases: days.get(day)!, from: day, to: day });
    else {
      u.cases += days.get(day)!;
      u.to = day;
    }
  }
  const cases = [...days.values()].reduce((s, n) => s + n, 0);
  const from = sorted[0]!;
  const to = sorted[sorted.length - 1]!;
  if (outside.length > 0) {
    const n = outside.reduce((s, d) => s + days.get(d)!, 0);
    const shown = outside.length > 3 ? `${outside.slice(0, 3).join(', ')}…` : outside.join(', ');
    throw new LogError('not-in-force', labelBy('error.log.version-outside', (lang) => ({ n, id, days: shown, versions: describeVersions(versions, lang) })), { file: log.source });
  }
  if (under.size > 1) {
    const parts = [...under].map(([v, u]) => ({ version: v.version, ...u }));
    throw new LogError(
      'spans-versions',
      labelBy('error.log.spans-versions', (lang) => ({
        id,
        from,
        to,
        parts: parts.map((p) => t(lang, 'error.log.spans-versions.part', { version: p.version, n: p.cases, from: p.from, to: p.to })).join('; '),
        version: parts[0]!.version,
      })),
      { file: log.source },
    );
  }
  return { spec: [...under.keys()][0]!, cases, from, to };
}
