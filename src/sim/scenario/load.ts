import { type LocalDate } from '../../calendar/date.ts';
import { compileOfficeHours } from '../../calendar/office-hours.ts';
import { vietnamDayCalendar } from '../../calendar/vietnam.ts';
import type { FlowNode } from '../../dsl/spec.ts';
import type { SimConfig, SimProcedure } from '../config.ts';
import { meanOf } from '../distributions.ts';

/** The rough load of one station. */
export interface StationLoad {
  readonly station: string;
  /** Working hours of work arriving per working day (per day on a 24/7 calendar). */
  readonly offeredHoursPerDay: number;
  /** Officers × the station's working hours per day. */
  readonly capacityHoursPerDay: number;
  /** Offered over capacity; at 1 or more the queue grows without bound. */
  readonly utilisation: number;
}

/**
 * A rough, analytic estimate of each station's load, in the order the stations are declared:
 * for every procedure, arrivals per working day × the expected work per case at the station,
 * over officers × the station's working hours on the start date. Utilisation ≥ 1 means that queues
 * grow without bound whatever the run length.
 *
 * Expected work per case: the receipt at the desk's station, once more for the share of incomplete
 * dossiers; each step at its agency's station, weighted by the chance its branch is taken and
 * once more for the share of supplement requests; each consulted agency's answer, less the share
 * that stays silent where silence is consent. Refusals and withdrawals, which save work, are
 * ignored, so the estimate errs on the busy side. Arrivals per working day are `perDay` times the
 * mean weekday rate over Monday–Friday (over all seven days on a 24/7 calendar); replayed
 * arrivals are counted over the working days of the horizon.
 *
 * @example
 * for (const l of stationLoad(config)) if (l.utilisation >= 1) console.warn(`${l.station}: queue grows without bound`);
 */
export function stationLoad(config: SimConfig): StationLoad[] {
  const offered = new Map<string, number>(Object.keys(config.stations).map((s) => [s, 0]));
  for (const p of config.procedures) {
    const rate = arrivalsPerDay(p, config);
    for (const [station, hours] of workPerCase(p)) offered.set(station, (offered.get(station) ?? 0) + rate * hours);
  }
  return Object.entries(config.stations).map(([station, s]) => {
    const shifts = compileOfficeHours(s.hours).shiftsOn(config.start);
    const capacityHoursPerDay = (s.officers * shifts.reduce((sum, x) => sum + (x.end - x.start), 0)) / 3_600_000;
    const offeredHoursPerDay = offered.get(station) ?? 0;
    const utilisation = capacityHoursPerDay > 0 ? offeredHoursPerDay / capacityHoursPerDay : offeredHoursPerDay > 0 ? Infinity : 0;
    return { station, offeredHoursPerDay, capacityHoursPerDay, utilisation };
  });
}

/** Mean arrivals per working day (per day on a 24/7 calendar). */
function arrivalsPerDay(p: SimProcedure, config: SimConfig): number {
  const a = p.arrivals;
  if (a.kind === 'poisson') {
    const days = config.calendar === '24x7' ? [0, 1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
    return (a.perDay * days.reduce((s, d) => s + (a.weekdays[d] ?? 0), 0)) / days.length;
  }
  return a.instants.length / Math.max(1, workingDays(config));
}

function workingDays(config: SimConfig): number {
  if (config.calendar === '24x7') return config.horizonDays;
  const days = vietnamDayCalendar();
  let n = 0;
  for (let d = 0; d < config.horizonDays; d++) if (days.isWorkingDay((config.start + d) as LocalDate)) n++;
  return n;
}

/** Expected working hours per case at each station. */
function workPerCase(p: SimProcedure): Map<string, number> {
  const work = new Map<string, number>();
  const stationOf = (agency: string): string => p.stationOf[agency] ?? agency;
  const add = (agency: string, hours: number): void => {
    const s = stationOf(agency);
    work.set(s, (work.get(s) ?? 0) + hours);
  };
  const { spec } = p;
  add(spec.receipt.desk, meanOf(p.receipt) * (1 + (spec.receipt.maxCompletionRequests > 0 ? p.incomplete : 0)));
  const chance = (field: string, value: string | number | boolean): number => (p.dossier[field] ?? []).filter((c) => c.value === value).reduce((s, c) => s + c.p, 0);
  const walk = (flow: readonly FlowNode[], reach: number): void => {
    for (const node of flow) {
      switch (node.kind) {
        case 'step': {
          const b = p.steps[node.id];
          if (b !== undefined) add(node.agency, reach * meanOf(b.duration) * (1 + (spec.clock.maxSupplementsPerAgency > 0 ? b.supplement : 0)));
          break;
        }
        case 'consult': {
          const a = p.answers[node.id];
          if (a !== undefined) for (const agency of node.consulted) add(agency, reach * meanOf(a.duration) * (node.deemedConsent ? 1 - a.silence : 1));
          break;
        }
        case 'parallel':
          for (const b of node.branches) walk(b, reach);
          break;
        case 'branch': {
          let rest = 1;
          for (const c of node.cases) {
            const q = chance(node.field, c.when);
            rest -= q;
            walk(c.flow, reach * q);
          }
          if (node.otherwise !== undefined) walk(node.otherwise.flow, reach * Math.max(0, rest));
          break;
        }
        case 'excluded':
          break;
      }
    }
  };
  walk(spec.flow, 1);
  return work;
}
