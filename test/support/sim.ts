import { type LocalDate, localDate, parseLocalDate } from '../../src/calendar/date.ts';
import { VN_DEFAULT_OFFICE_HOURS } from '../../src/calendar/office-hours.ts';
import type { Distribution, SimConfig, SimProcedure } from '../../src/sim/config.ts';
import type { FlowNode, ProcedureSpec } from '../../src/dsl/spec.ts';

/** Knobs of a generated simulation of one procedure. */
export interface SimKnobs {
  readonly seed: number;
  readonly perDay: number;
  readonly days: number;
  readonly officers: number;
  readonly supplement: number;
  readonly refusal: number;
  readonly incomplete: number;
  readonly withdrawal: number;
  readonly silence: number;
  readonly stepMean: number;
}

const exp = (mean: number): Distribution => ({ kind: 'exponential', mean });

function walk(flow: readonly FlowNode[], visit: (n: FlowNode) => void): void {
  for (const n of flow) {
    visit(n);
    if (n.kind === 'parallel') n.branches.forEach((b) => walk(b, visit));
    if (n.kind === 'branch') {
      n.cases.forEach((c) => walk(c.flow, visit));
      if (n.otherwise !== undefined) walk(n.otherwise.flow, visit);
    }
  }
}

/** A simulation of one procedure with every agency its own station, for tests. */
export function simOf(spec: ProcedureSpec, k: SimKnobs, overrides: Partial<SimConfig> = {}): SimConfig {
  const steps: Record<string, SimProcedure['steps'][string]> = {};
  const answers: Record<string, SimProcedure['answers'][string]> = {};
  const intervals: Record<string, Distribution> = {};
  walk(spec.flow, (n) => {
    if (n.kind === 'step') steps[n.id] = { duration: exp(k.stepMean), supplement: k.supplement, refusal: k.refusal };
    if (n.kind === 'consult') answers[n.id] = { duration: exp(k.stepMean * 4), silence: k.silence };
    if (n.kind === 'excluded' && n.lasts === undefined) intervals[n.id] = { kind: 'uniform', min: 0.5, max: 6 };
  });
  const dossier: Record<string, { value: string | number | boolean; p: number }[]> = {};
  for (const [name, field] of Object.entries(spec.dossier)) {
    const values = field.type === 'boolean' ? [true, false] : field.type === 'enum' ? [...field.values] : field.type === 'number' ? [0, 1] : ['a', 'b'];
    dossier[name] = values.map((value) => ({ value, p: 1 / values.length }));
  }
  const procedure: SimProcedure = {
    spec,
    arrivals: { kind: 'poisson', perDay: k.perDay, weekdays: [1, 1, 1, 1, 1, 1, 1], hours: Array.from({ length: 24 }, (_, h) => (h >= 7 && h < 18 ? 1 : 0.1)) },
    channels: spec.receipt.channels.map((value) => ({ value, p: 1 / spec.receipt.channels.length })),
    dossier,
    incomplete: k.incomplete,
    withdrawal: k.withdrawal,
    withdrawAfter: exp(4),
    receipt: exp(0.2),
    steps,
    answers,
    intervals,
    stationOf: {},
  };
  return {
    name: spec.id,
    // Inside the version's validity: a receipt outside it is refused by the machine (a version
    // that ends starts its arrivals early enough for the horizon to fit, when it can).
    start: Math.max(parseLocalDate(spec.effectiveFrom), Math.min(localDate(2025, 1, 20), spec.effectiveTo === undefined ? Infinity : parseLocalDate(spec.effectiveTo) - k.days)) as LocalDate,
    horizonDays: k.days,
    warmupDays: 0,
    replications: 1,
    seed: k.seed,
    calendar: 'vn',
    discipline: 'fcfs',
    stations: Object.fromEntries(Object.keys(spec.agencies).map((a) => [a, { officers: k.officers, hours: VN_DEFAULT_OFFICE_HOURS }])),
    procedures: [procedure],
    applicantResponse: { kind: 'uniform', min: 0.5, max: 5 },
    transfer: { 'in-person': { kind: 'triangular', min: 0, mode: 4, max: 12 }, postal: exp(8), online: { kind: 'fixed', value: 0 } },
    apologyExtensionDays: 5,
    drain: true,
    ...overrides,
  };
}

/** A small valid scenario; each error case changes one thing in it. */
export const SMALL_SCENARIO = `name: inline
start: 2025-01-06
horizon: 28d
seed: 1
stations:
  desk: { officers: 1 }
  committee: { officers: 2 }
procedures:
  - procedure: birth-registration
    arrivals: { poisson: { perDay: 10 } }
    dossier:
      needsVerification: { "true": 0.25, "false": 0.75 }
    steps:
      default: { duration: { fixed: 1 } }
`;

/** SMALL_SCENARIO with `from` replaced by `to`; fails loudly when `from` is not there. */
export function editScenario(from: string, to: string, text = SMALL_SCENARIO): string {
  if (!text.includes(from)) throw new Error(`"${from}" is not in the scenario`);
  return text.replace(from, to);
}
