import { describe, expect, it } from 'vitest';
import type { Instant } from '../../src/calendar/instant.ts';
import { applyEvent, startCase } from '../../src/compile/case.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { readProcedure, writeProcedure } from '../../src/dsl/io.ts';
import { discover } from '../../src/mining/discover.ts';
import { readLog } from '../../src/mining/read-log.ts';
import { createServer } from '../../src/server/app.ts';
import { RECEIVED } from '../support/fuzz.ts';
import { kitchenSinkSpec, tinySpec } from '../support/specs.ts';

/** Bugs the fuzz suites of issue 19 found, each pinned where it was fixed. */
describe('regressions found by the fuzz suite', () => {
  it('refuses a flow node with the id "__proto__" (it broke the compiled machine with a TypeError)', () => {
    const spec = kitchenSinkSpec();
    const text = writeProcedure({ ...spec, flow: spec.flow.map((n) => (n.kind === 'excluded' ? { ...n, id: '__proto__' } : n)) }, 'json');
    expect(() => readProcedure(text, 'proto.json')).toThrow('id "__proto__" cannot name a node: it names the prototype of a JavaScript object. Rename the node.');
  });

  it('compiles a flow node whose id holds a backslash, XState\'s escape character (fuzz seed 901641991: "Child state \'undefined\' does not exist")', () => {
    const spec = kitchenSinkSpec();
    const flow = spec.flow.map((n) => (n.kind === 'consult' ? { ...n, id: '\\' } : n));
    expect(flow.some((n) => n.kind === 'consult' && n.id === '\\')).toBe(true);
    const proc = compileProcedure(readProcedure(writeProcedure({ ...spec, flow }, 'json'), 'backslash.json'));
    const { snapshot } = startCase(proc, { receivedAt: RECEIVED, channel: 'in-person', dossier: { remote: false } });
    const accepted = applyEvent(proc, snapshot, { type: 'ACCEPT', at: RECEIVED, by: { kind: 'agency', agency: spec.receipt.desk } });
    expect(accepted.ok).toBe(true);
  });

  const xes = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">${inner}</log>\n`;
  const event = (name: string) => `<event><string key="concept:name" value="${name}"/><date key="time:timestamp" value="2025-03-03T09:00:00.000+07:00"/></event>`;

  it('an XES event outside any trace, with attributes, is skipped instead of throwing a TypeError', async () => {
    const log = await readLog([xes(`<event><string key="concept:name" value="stray"/></event><trace><string key="concept:name" value="c1"/>${event('receipt')}</trace>`)], 'stray.xes');
    expect(log.traces.map((t) => [t.id, t.events.map((e) => e.activity)])).toEqual([['c1', ['receipt']]]);
  });

  it('XES and CSV attributes named __proto__ or constructor are kept as attributes, not read from or written to the prototype', async () => {
    const fromXes = await readLog([xes(`<trace><string key="concept:name" value="c1"/><string key="__proto__" value="p"/><string key="constructor" value="k"/><event><string key="__proto__" value="x"/><string key="concept:name" value="receipt"/><date key="time:timestamp" value="2025-03-03T09:00:00.000+07:00"/></event></trace>`)], 'proto.xes');
    expect(Object.entries(fromXes.traces[0]!.attributes)).toEqual([['__proto__', 'p'], ['constructor', 'k']]);
    expect(fromXes.traces[0]!.events.map((e) => e.activity)).toEqual(['receipt']);
    const fromCsv = await readLog(['case:concept:name,concept:name,time:timestamp,case:constructor\nc1,receipt,2025-03-03T09:00:00+07:00,k\n'], 'proto.csv');
    expect(fromCsv.traces[0]!.attributes['constructor']).toBe('k');
  });

  it('a timestamp in the writers\' form with a non-digit in its offset (+<7:00) is refused with its line and column, not read as NaN (fuzz seed 893075129)', async () => {
    const csv = 'case:concept:name,concept:name,time:timestamp\nc1,receipt,2025-02-03T10:57:30.834+07:00\nc1,check,2025-02-03T10:57:30.834+<7:00\n';
    await expect(readLog([csv], 'offset.csv')).rejects.toMatchObject({ name: 'LogError', code: 'bad-timestamp', file: 'offset.csv', line: 3, column: 3 });
    await expect(readLog([xes(`<trace><string key="concept:name" value="c1"/><event><string key="concept:name" value="receipt"/><date key="time:timestamp" value="2025-02-03T10:57:30.834+0x:00"/></event></trace>`)], 'offset.xes')).rejects.toMatchObject({ name: 'LogError', code: 'bad-timestamp', file: 'offset.xes' });
  });

  it('discover and calibrate keep org:group names "constructor" and "__proto__" as an agency and a station each', async () => {
    const rows = ['case:concept:name,concept:name,time:timestamp,lifecycle:transition,org:group'];
    for (let c = 0; c < 4; c++) {
      const day = `2025-03-0${3 + c}`;
      rows.push(`c${c},receipt,${day}T08:00:00+07:00,complete,desk`, `c${c},a,${day}T09:00:00+07:00,start,constructor`, `c${c},a,${day}T10:00:00+07:00,complete,constructor`, `c${c},b,${day}T11:00:00+07:00,start,__proto__`, `c${c},b,${day}T12:00:00+07:00,complete,__proto__`);
    }
    const d = discover(await readLog([`${rows.join('\n')}\n`], 'groups.csv'));
    expect(Object.keys(d.spec.agencies)).toEqual(['desk', 'constructor', 'proto']);
    expect(d.steps.map((s) => [s.step, s.agency])).toEqual([['a', 'constructor'], ['b', 'proto']]);
    expect(Object.keys(d.scenario.stations)).toEqual(['desk', 'constructor', '__proto__']);
  });

  it('an address that is not valid percent-encoding gets RFC 9457 problem details, not Fastify\'s own JSON', async () => {
    const store = memoryStore();
    const now = () => (RECEIVED + 86_400_000) as Instant;
    const app = await createServer({ engine: createEngine({ procedures: [tinySpec()], store, now }), store, procedures: [tinySpec()], auth: null, now });
    const res = await app.inject({ url: '/api/cases/%' });
    expect([res.statusCode, res.headers['content-type']]).toEqual([400, 'application/problem+json; charset=utf-8']);
    expect(res.json()).toEqual({
      type: 'urn:motcua:problem:bad-url',
      title: 'Bad request',
      status: 400,
      detail: "the address is not a valid URL: '/api/cases/%' is not a valid url component. Percent-encode every special character (% as %25).",
      code: 'bad-url',
      path: [],
    });
    await app.close();
  });
});
