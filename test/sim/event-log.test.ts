import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, type LogTrace, type LogWriter, csvLogWriter } from '../../src/export/event-log.ts';
import { xesLogWriter } from '../../src/export/xes-log.ts';
import type { SimConfig } from '../../src/sim/config.ts';
import { caseLogHooks } from '../../src/sim/case-log.ts';
import { runReplication } from '../../src/sim/engine.ts';
import { loadScenario } from '../../src/node/scenario-files.ts';
import { parseXes, xesAttributes, xesProblems } from '../support/xes.ts';
import { simOf } from '../support/sim.ts';
import { kitchenSinkSpec } from '../support/specs.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

const logOf = (config: SimConfig, replications: number) => {
  const traces: LogTrace[] = [];
  const results = Array.from({ length: replications }, (_, r) => {
    const recorder = caseLogHooks(r, (t) => traces.push(t));
    const result = runReplication(config, r, recorder.hooks);
    recorder.flush();
    return result;
  });
  return { traces, results };
};
const write = (w: LogWriter, traces: readonly LogTrace[]) => w.head() + traces.map(w.trace).join('') + w.tail();

describe('the event log of a simulation', async () => {
  // The default scenario, shortened to three weeks to keep the test quick, and a busy procedure
  // with every construct where the rare activities (apologies, withdrawals, deemed consent) occur.
  const { baseline } = await loadScenario(`${ROOT}simulations/province-2016.yaml`);
  const province = logOf({ ...baseline, horizonDays: 21, warmupDays: 0 }, 1);
  const busy = logOf(
    simOf(kitchenSinkSpec(), { seed: 7, perDay: 4, days: 30, officers: 1, supplement: 0.2, refusal: 0.05, incomplete: 0.3, withdrawal: 0.1, silence: 0.5, stepMean: 6 }, { horizonDays: 30, warmupDays: 0 }),
    2,
  );
  const traces = busy.traces;
  const results = busy.results;
  const csv = write(csvLogWriter(), [...province.traces, ...busy.traces]);
  const xes = write(xesLogWriter('busy'), busy.traces);
  const rows: string[][] = parse(csv);
  const records: Record<string, string>[] = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]!])));

  it('has one trace per case received, with ids unique across replications', () => {
    expect(traces.length).toBe(results[0]!.conservation.arrived + results[1]!.conservation.arrived);
    expect(new Set(traces.map((t) => t.id)).size).toBe(traces.length);
    expect(new Set(traces.map((t) => t.replication))).toEqual(new Set([0, 1]));
  });

  it('gives each case the outcome the simulator reached', () => {
    const count = (o: string) => traces.filter((t) => t.outcome === o).length;
    const ended = results[0]!.conservation.ended + results[1]!.conservation.ended;
    expect(count('returned') + count('refused') + count('refused-at-receipt') + count('withdrawn')).toBe(ended);
    expect(count('in-progress')).toBe(results[0]!.conservation.inProgress + results[1]!.conservation.inProgress);
    expect(count('returned')).toBeGreaterThan(0);
  });

  it('has a row for every kind of activity', () => {
    const activities = new Set(records.map((r) => r['concept:name']));
    for (const a of [
      'receipt',
      'transfer',
      'register', // a step (judicial record, household business, …)
      'verify',
      'consultation opinions',
      'answer opinions',
      'deemed consent opinions',
      'completion requested',
      'completion papers received',
      'supplement requested',
      'supplement papers received',
      'pay-land-tax', // payment, excluded from the limit
      'public-posting',
      'pay', // the busy procedure's payment
      'apology',
      'refusal',
      'withdrawal',
      'result ready',
      'result returned',
    ]) {
      expect(activities, a).toContain(a);
    }
    // Intervals and officers' jobs have a start and an end; the rest are instants.
    const lifecycles = (a: string) => new Set(records.filter((r) => r['concept:name'] === a).map((r) => r['lifecycle:transition']));
    expect(lifecycles('pay')).toEqual(new Set(['start', 'complete']));
    expect(lifecycles('receipt')).toEqual(new Set(['start', 'complete']));
    expect(lifecycles('apology')).toEqual(new Set(['complete']));
    // An officer's job names the officer and the station.
    expect(records.find((r) => r['concept:name'] === 'receipt')!['org:resource']).toMatch(/^[a-z-]+#\d+$/);
  });

  it('is well-formed CSV whose rows are in time order within each case', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.filter((r) => r.length !== CSV_COLUMNS.length)).toEqual([]);
    const last = new Map<string, string>();
    const backwards: string[] = [];
    for (const r of rows.slice(1)) {
      if (r[2]! < (last.get(r[0]!) ?? '')) backwards.push(`${r[0]} ${r[1]} ${r[2]}`);
      last.set(r[0]!, r[2]!);
    }
    expect(backwards).toEqual([]);
  });

  it('is well-formed XES with the same events as the CSV', () => {
    expect(xesProblems(xes)).toEqual([]);
    const log = parseXes(xes).log[0]!;
    expect(log.trace!.length).toBe(traces.length);
    const events = log.trace!.reduce((n, t) => n + (t.event?.length ?? 0), 0);
    expect(events).toBe(records.filter((r) => r['case:procedure'] === 'kitchen-sink').length);
    expect(xesAttributes(log.trace![0]!)['replication']).toBe('int:0');
  }, 60_000);
});
