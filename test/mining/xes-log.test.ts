import { describe, expect, it } from 'vitest';
import { LogError } from '../../src/errors.ts';
import { readXesLog } from '../../src/mining/xes-log.ts';

const XES = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="event"><string key="concept:name" value="__INVALID__"/></global>
  <string key="concept:name" value="the log"/>
  <trace>
    <string key="concept:name" value="c1"/>
    <string key="channel" value="online"/>
    <event>
      <string key="concept:name" value="check &amp; sign"/>
      <date key="time:timestamp" value="2025-01-24T09:30:00.000+07:00"/>
      <string key="lifecycle:transition" value="start"/>
      <string key="org:resource" value="an"/>
      <string key="org:group" value="land"/>
      <list key="notes"><values><string key="note" value="nested, skipped"/></values></list>
    </event>
    <event>
      <string key="concept:name" value="check &amp; sign"/>
      <date key="time:timestamp" value="2025-01-24T10:00:00+07:00"/>
    </event>
  </trace>
</log>`;

async function failure(text: string): Promise<LogError> {
  try {
    await readXesLog([text], 'log.xes');
  } catch (e) {
    if (e instanceof LogError) return e;
    throw e;
  }
  throw new Error('expected a LogError');
}

describe('reading an XES event log', () => {
  it('reads traces, their attributes and the standard extensions of each event', async () => {
    const log = await readXesLog([XES.slice(0, 333), XES.slice(333)], 'log.xes');
    expect(log.events).toBe(2);
    expect(log.traces).toEqual([
      {
        id: 'c1',
        attributes: { channel: 'online' },
        events: [
          { activity: 'check & sign', time: Date.parse('2025-01-24T02:30:00Z'), lifecycle: 'start', resource: 'an', group: 'land' },
          { activity: 'check & sign', time: Date.parse('2025-01-24T03:00:00Z'), lifecycle: 'complete', resource: undefined, group: undefined },
        ],
      },
    ]);
  });

  it('names the line and column of malformed XML', async () => {
    const e = await failure('<log>\n  <trace><string key="concept:name" value="c1"/>\n  </log>');
    expect([e.code, e.line]).toEqual(['bad-xml', 3]);
  });

  it('names the event without a timestamp and the trace without a name', async () => {
    const noTime = await failure('<log>\n<trace><string key="concept:name" value="c1"/>\n  <event><string key="concept:name" value="a"/></event></trace></log>');
    expect(noTime.describe()).toBe('log.xes:3:10: this event has no time:timestamp (<date key="time:timestamp" value="2025-01-24T09:00:00+07:00"/>).');
    const noName = await failure('<log><trace><event><string key="concept:name" value="a"/><date key="time:timestamp" value="2025-01-24T09:00"/></event></trace></log>');
    expect(noName.code).toBe('missing-case');
  });

  it('reads only the attributes of an event itself: those of an element nested in it (not XES) are skipped', async () => {
    const log = await readXesLog(['<log><trace><string key="concept:name" value="c1"/><event><string key="concept:name" value="a"/><date key="time:timestamp" value="2025-01-24T09:00:00Z"/><event><string key="concept:name" value="inner"/><string key="org:group" value="g"/></event></event></trace></log>'], 'log.xes');
    expect(log.traces[0]!.events).toEqual([{ activity: 'a', time: Date.parse('2025-01-24T09:00:00Z'), lifecycle: 'complete', resource: undefined, group: undefined }]);
  });

  it('refuses a document that is not a log', async () => {
    expect((await failure('<html></html>')).code).toBe('not-xes');
    expect((await failure('')).code).toBe('empty-log');
  });
});
