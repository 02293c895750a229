import { describe, expect, it } from 'vitest';
import type { Instant } from '../../src/calendar/instant.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { readProcedure, writeProcedure } from '../../src/dsl/io.ts';
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
