import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { tinySpec } from '../support/specs.ts';
import { parseXes, xesAttributes, xesProblems } from '../support/xes.ts';
import { tempDir } from './support.ts';

/** Runs `motcua case …` in-process. */
async function motcua(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), env: {}, now: () => Date.UTC(2025, 2, 10, 1, 0), readStdin: async () => '' };
  const code = await run(['case', ...args], io);
  return { code, out, err };
}

describe('the engine store\'s event log names the officer who acted (org:resource)', () => {
  it('motcua case log writes each officer on the entries they made, in CSV and XES, read back by independent parsers', async () => {
    const dir = tempDir();
    const db = join(dir, 'cases.db');
    const procedures = join(dir, 'procedures');
    mkdirSync(procedures);
    writeFileSync(join(procedures, 'tiny.json'), JSON.stringify(tinySpec()));
    const args = (sub: string, ...rest: string[]) => [sub, '--db', db, '--procedures', procedures, ...rest];
    const CASE = 'MOTCUA-250303-0001';
    const steps = [
      ['open', '{"procedure":"tiny","receivedAt":"2025-03-03T09:00","channel":"in-person","by":{"agency":"desk","officer":"Lan"}}'],
      ['send', CASE, '{"type":"TRANSFER","at":"2025-03-03T10:00","by":{"agency":"desk","officer":"Lan"}}'],
      ['send', CASE, '{"type":"COMPLETE","at":"2025-03-03T14:00","step":"register","by":{"agency":"justice","officer":"Minh"}}'],
      ['send', CASE, '{"type":"COMPLETE","at":"2025-03-04T09:00","step":"residence","by":"police"}'],
    ] as const;
    for (const [sub, ...rest] of steps) expect((await motcua(args(sub, ...rest))).code, `${sub} ${rest.join(' ')}`).toBe(0);
    const csv = join(dir, 'log.csv');
    const xes = join(dir, 'log.xes');
    for (const file of [csv, xes]) expect(await motcua(args('log', '-o', file))).toEqual({ code: 0, out: '', err: '' });

    const records: Record<string, string>[] = parse(readFileSync(csv, 'utf8'), { columns: true });
    expect(records.map((r) => [r['concept:name'], r['lifecycle:transition'], r['org:resource'], r['org:group']])).toEqual([
      ['receipt', 'start', '', 'desk'],
      ['receipt', 'complete', 'Lan', 'desk'],
      ['transfer', 'complete', 'Lan', 'desk'],
      // The next step starts because of the transfer: no officer of justice has acted yet.
      ['register', 'start', '', 'justice'],
      ['register', 'complete', 'Minh', 'justice'],
      ['residence', 'start', '', 'police'],
      // An event without an officer leaves the resource empty, not guessed.
      ['residence', 'complete', '', 'police'],
      ['result ready', 'complete', '', 'desk'],
    ]);

    const text = readFileSync(xes, 'utf8');
    expect(xesProblems(text)).toEqual([]);
    const events = parseXes(text).log[0]!.trace![0]!.event!.map(xesAttributes);
    expect(events.map((e) => [e['concept:name'], e['org:resource']])).toEqual([
      ['string:receipt', undefined],
      ['string:receipt', 'string:Lan'],
      ['string:transfer', 'string:Lan'],
      ['string:register', undefined],
      ['string:register', 'string:Minh'],
      ['string:residence', undefined],
      ['string:residence', undefined],
      ['string:result ready', undefined],
    ]);
  });
});
