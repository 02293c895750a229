import type { LocalDate } from '../calendar/date.ts';
import type { Instant } from '../calendar/instant.ts';
import type { OfficeHours } from '../calendar/office-hours.ts';
import type { Channel, ProcedureSpec } from '../dsl/spec.ts';
import type { FeedbackBehaviour } from './indicators.ts';

/**
 * A probability distribution of a positive duration. Units are given where it is used: working
 * hours for work at a station, calendar days for the applicant.
 */
export type Distribution =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly kind: 'exponential'; readonly mean: number }
  | { readonly kind: 'lognormal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'empirical'; readonly values: readonly number[] };

/** A discrete choice with probabilities summing to 1. */
export type Choice<T> = readonly { readonly value: T; readonly p: number }[];

/** How dossiers of one procedure arrive. */
export type ArrivalProcess =
  | {
      readonly kind: 'poisson';
      /** Mean arrivals per working day (Monday–Friday, outside holidays) or per day on a 24/7 calendar. */
      readonly perDay: number;
      /** Relative rates by weekday, 0 = Sunday … 6 = Saturday (1 each by default). */
      readonly weekdays: readonly number[];
      /** Relative rates by local hour 0–23 (office hours 1, others 0 by default; 1 everywhere on 24/7). */
      readonly hours: readonly number[];
    }
  | { readonly kind: 'replay'; readonly instants: readonly Instant[] };

/** What the scenario says about one step of a procedure. */
export interface StepBehaviour {
  /** Work time at the station, in working hours. */
  readonly duration: Distribution;
  readonly supplement: number;
  readonly refusal: number;
}

/** One procedure in a scenario, resolved: its spec and how its cases behave. */
export interface SimProcedure {
  readonly spec: ProcedureSpec;
  readonly arrivals: ArrivalProcess;
  readonly channels: Choice<Channel>;
  /** Values of the dossier fields branches test, with their probabilities. */
  readonly dossier: Readonly<Record<string, Choice<string | number | boolean>>>;
  /** Probability that the desk finds the dossier incomplete (once). */
  readonly incomplete: number;
  /** Probability that the applicant withdraws; when so, after `withdrawAfter` calendar days. */
  readonly withdrawal: number;
  readonly withdrawAfter: Distribution;
  /** Work time at the desk to check a dossier, in working hours. */
  readonly receipt: Distribution;
  readonly steps: Readonly<Record<string, StepBehaviour>>;
  /** Per consultation: how long a consulted agency takes to answer (working hours), and the chance it stays silent. */
  readonly answers: Readonly<Record<string, { readonly duration: Distribution; readonly silence: number }>>;
  /** Per excluded interval without a fixed length: how long it lasts, in calendar days. */
  readonly intervals: Readonly<Record<string, Distribution>>;
  /** Which station does the work of each of the procedure's agencies (by default the agency id). */
  readonly stationOf: Readonly<Record<string, string>>;
}

export interface Station {
  readonly officers: number;
  readonly hours: OfficeHours;
}

/** A scenario resolved for the engine: every name looked up, every default applied. */
export interface SimConfig {
  readonly name: string;
  readonly start: LocalDate;
  /** Calendar days during which cases arrive. */
  readonly horizonDays: number;
  /** Calendar days at the start whose cases are left out of the statistics. */
  readonly warmupDays: number;
  readonly replications: number;
  readonly seed: number;
  /** `vn`: the Vietnamese working calendar; `24x7`: every instant is working time (validation runs). */
  readonly calendar: 'vn' | '24x7';
  readonly discipline: 'fcfs' | 'edd';
  readonly stations: Readonly<Record<string, Station>>;
  readonly procedures: readonly SimProcedure[];
  /** Calendar days the applicant takes to bring missing papers. */
  readonly applicantResponse: Distribution;
  /** Working hours from acceptance to the agency, by channel (paper by courier, online at once). */
  readonly transfer: Readonly<Record<Channel, Distribution>>;
  /** When a dossier will be late, the apology slip's new date is this many working days after the due date. */
  readonly apologyExtensionDays: number;
  /** Keep running after the horizon until every case has ended (no new arrivals). */
  readonly drain: boolean;
  /** Ratings and complaints per outcome, for the Decision 766 indicators; nobody rates or complains without it. */
  readonly feedback?: FeedbackBehaviour;
}
