import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseXes, xesProblems } from '../support/xes.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = `${ROOT}bin/motcua.js`;
const dir = `${ROOT}test-artifacts/simulate`;
mkdirSync(dir, { recursive: true });
const motcua = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, LANG: 'C' } });

describe('motcua simulate, as a user runs it', () => {
  it('gives a byte-identical JSON report for the same scenario and seed, on one thread or on worker threads', () => {
    const one = motcua('simulate', 'simulations/mmc-validation.yaml', '--json', '--replications', '4', '--workers', '0');
    const two = motcua('simulate', 'simulations/mmc-validation.yaml', '--json', '--replications', '4', '--workers', '2');
    // The default: this thread and one worker per core beyond the first.
    const byDefault = motcua('simulate', 'simulations/mmc-validation.yaml', '--json', '--replications', '4');
    expect([one.status, two.status, byDefault.status]).toEqual([0, 0, 0]);
    expect(two.stdout).toBe(one.stdout);
    expect(byDefault.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout);
    expect(report.scenario).toEqual({ name: 'M/M/3 validation (ρ = 0.8)', seed: 4242, replications: 4, start: '2025-01-01', horizonDays: 365, warmupDays: 30, calendar: '24x7', discipline: 'fcfs' });
    expect(report.checks.conservation.every((c: { holds: boolean }) => c.holds)).toBe(true);
  }, 120_000);

  it('writes event logs that process-mining tools read, as pm4py CSV or IEEE XES', () => {
    const csv = `${dir}/events.csv`;
    const xes = `${dir}/events.xes`;
    for (const file of [csv, xes]) expect(motcua('simulate', 'simulations/replay-example.yaml', '--events', file, '--replications', '1').status).toBe(0);
    const rows: string[][] = parse(readFileSync(csv, 'utf8'));
    expect(rows[0]).toEqual(['case:concept:name', 'concept:name', 'time:timestamp', 'lifecycle:transition', 'org:resource', 'org:group', 'case:procedure', 'case:channel', 'case:outcome', 'case:replication', 'case:rating']);
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows.slice(1).map((r) => r[3]))).toEqual(new Set(['start', 'complete']));
    expect(xesProblems(readFileSync(xes, 'utf8'))).toEqual([]);
    const traces = parseXes(readFileSync(xes, 'utf8')).log[0]!.trace!;
    expect(traces.reduce((n, t) => n + (t.event?.length ?? 0), 0)).toBe(rows.length - 1);
  }, 180_000);

  it('refuses an event log that is neither .csv nor .xes before running anything', () => {
    const r = motcua('simulate', 'simulations/replay-example.yaml', '--events', `${dir}/events.json`);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`motcua: --events: "${dir}/events.json": the event log's name must end in .csv (pm4py columns) or .xes (IEEE 1849 XES).\n`);
  });

  it('warns when demand exceeds capacity', () => {
    const yaml = readFileSync(`${ROOT}simulations/mmc-validation.yaml`, 'utf8').replace('server: { officers: 3 }', 'server: { officers: 2 }').replace('procedure: single-step.yaml', `procedure: ${ROOT}simulations/single-step.yaml`);
    const file = `${dir}/overloaded.yaml`;
    writeFileSync(file, yaml);
    // The procedure file is outside the scenario's folder: the user says they trust it.
    const r = motcua('simulate', file, '--replications', '1', '--allow-outside');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('motcua: warning: station server is offered 57.6 h of work a day for 48.0 h of capacity (utilisation 1.20 ≥ 1): its queue will grow without bound. Add officers or lower the demand.');
  }, 60_000);

  it('--tui without a terminal exits 2 and names the text report instead', () => {
    const r = motcua('simulate', 'simulations/mmc-validation.yaml', '--tui');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('motcua: simulate --tui needs an interactive terminal. Without one, run: motcua simulate simulations/mmc-validation.yaml (a text report) or add --json.\n');
  });

  it('answers a bad scenario with exit code 2, the file, the path inside it and the fix', () => {
    const file = `${dir}/bad.yaml`;
    writeFileSync(file, readFileSync(`${ROOT}simulations/mmc-validation.yaml`, 'utf8').replace('channels: { online: 1 }', 'channels: { online: 0.5 }').replace('procedure: single-step.yaml', `procedure: ${ROOT}simulations/single-step.yaml`));
    const r = motcua('simulate', file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^motcua: .*bad\.yaml: procedures\.0\.channels: .*1.*\n$/);
  }, 60_000);
});
