import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LogError } from '../errors.ts';
import { labelBy, label } from '../i18n/translate.ts';
import { zodIssueMessages } from '../i18n/zod-issue.ts';
import { parseOffset } from './timestamp.ts';

/**
 * How to read a log whose columns are not named as pm4py names them, and how its activities map
 * to a procedure's steps. Every field is optional: the defaults are pm4py's names.
 *
 * ```yaml
 * columns: { case: MaHoSo, activity: HoatDong, timestamp: ThoiGian, lifecycle: TrangThai, resource: CanBo, group: DonVi }
 * attributes: { channel: KenhNop }      # per-case attributes read from columns
 * timezone: "+07:00"                    # for timestamps written without an offset
 * activities: { "Thẩm định hồ sơ": check-dossier, "Tiếp nhận": receipt }
 * ```
 */
export interface LogMapping {
  readonly columns: {
    readonly case: string;
    readonly activity: string;
    readonly timestamp: string;
    readonly lifecycle: string;
    readonly resource: string;
    readonly group: string;
  };
  /** Case attribute name → column, beside every `case:*` column, which is read anyway. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Minutes east of UTC for timestamps without an offset. */
  readonly offsetMinutes: number;
  /** Activity name in the log → step id (or a built-in activity: receipt, supplement-request…). */
  readonly activities: Readonly<Record<string, string>>;
}

export const PM4PY_COLUMNS: LogMapping['columns'] = {
  case: 'case:concept:name',
  activity: 'concept:name',
  timestamp: 'time:timestamp',
  lifecycle: 'lifecycle:transition',
  resource: 'org:resource',
  group: 'org:group',
};

/** pm4py's column names, Vietnamese time (+07:00), no activity renaming. */
export const DEFAULT_MAPPING: LogMapping = { columns: PM4PY_COLUMNS, attributes: {}, offsetMinutes: 420, activities: {} };

const schema = z
  .object({
    columns: z
      .object({
        case: z.string().min(1),
        activity: z.string().min(1),
        timestamp: z.string().min(1),
        lifecycle: z.string().min(1),
        resource: z.string().min(1),
        group: z.string().min(1),
      })
      .partial()
      .strict()
      .optional(),
    attributes: z.record(z.string(), z.string().min(1)).optional(),
    timezone: z.string().optional(),
    activities: z.record(z.string(), z.string().min(1)).optional(),
  })
  .strict();

/**
 * Reads a mapping file (YAML or JSON).
 * @throws LogError `bad-mapping` naming the path inside the file and the accepted form
 */
export function parseMapping(text: string, file: string): LogMapping {
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (cause) {
    throw new LogError('bad-mapping', label('error.log.mapping-yaml', { why: (cause as Error).message.split('\n')[0]! }), { file, cause });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const why = zodIssueMessages(issue, data);
    throw new LogError('bad-mapping', labelBy('error.log.mapping-shape', (lang) => ({ why: why[lang] })), {
      file,
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    });
  }
  const m = parsed.data;
  let offsetMinutes = DEFAULT_MAPPING.offsetMinutes;
  if (m.timezone !== undefined) {
    const o = parseOffset(m.timezone);
    if (o === undefined) throw new LogError('bad-mapping', label('error.log.mapping-timezone', { text: m.timezone }), { file, path: ['timezone'] });
    offsetMinutes = o;
  }
  const columns: { -readonly [K in keyof LogMapping['columns']]: string } = { ...PM4PY_COLUMNS };
  for (const [k, v] of Object.entries(m.columns ?? {})) if (v !== undefined) columns[k as keyof typeof columns] = v;
  return { columns, attributes: m.attributes ?? {}, offsetMinutes, activities: m.activities ?? {} };
}
