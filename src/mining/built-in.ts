import { ACTIVITY } from '../export/event-log.ts';

/**
 * The activities the engine itself models (receipt, requests for papers, refusal, withdrawal, the
 * result…), as mining names them: neither a step of a procedure's flow nor something to discover.
 */
export const BUILT_IN = ['receipt', 'transfer', 'completion-request', 'supplement-request', 'papers-received', 'refusal', 'withdrawal', 'result-returned', 'result-ready', 'apology', 'rating', 'complaint'] as const;
export type BuiltIn = (typeof BUILT_IN)[number];

/** How names are compared: case, spaces and underscores do not count (`Result returned` = `result-returned`). */
export const normalName = (name: string): string => name.trim().toLowerCase().replace(/[\s_]+/g, '-');

/** The names the project's writer gives built-in activities (`ACTIVITY`) that differ from mining's. */
export const WRITER_NAMES: Readonly<Record<string, BuiltIn>> = {
  [normalName(ACTIVITY.completionRequested)]: 'completion-request',
  [normalName(ACTIVITY.completionReceived)]: 'papers-received',
  [normalName(ACTIVITY.supplementRequested)]: 'supplement-request',
  [normalName(ACTIVITY.supplementReceived)]: 'papers-received',
};

const BY_NAME: ReadonlyMap<string, BuiltIn> = new Map<string, BuiltIn>([...BUILT_IN.map((b) => [b, b] as const), ...Object.entries(WRITER_NAMES)]);
/**
 * The built-in activity a log's activity name stands for, if any.
 * @example builtInOf('Supplement requested') // → 'supplement-request'
 */
export function builtInOf(name: string): BuiltIn | undefined {
  return BY_NAME.get(normalName(name));
}

/**
 * Whether a name is one of the writer's consultation events (`consultation <id>`, `answer <id>`,
 * `deemed consent <id>`).
 * @example isConsultation('answer tax') // → true
 */
export function isConsultation(name: string): boolean {
  return consultationOf(name) !== undefined;
}

/**
 * The consultation a writer's consultation event names, and which event it is.
 * @example consultationOf('deemed consent opinions') // → { id: 'opinions', event: 'deemed-consent' }
 */
export function consultationOf(name: string): { readonly id: string; readonly event: 'consultation' | 'answer' | 'deemed-consent' } | undefined {
  const m = /^\s*(consultation|answer|deemed[\s_-]+consent)[\s_-]+(\S.*?)\s*$/i.exec(name);
  if (m === null) return undefined;
  const kind = m[1]!.toLowerCase();
  return { id: m[2]!, event: kind === 'consultation' ? 'consultation' : kind === 'answer' ? 'answer' : 'deemed-consent' };
}
