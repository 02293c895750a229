/**
 * Reading event logs: 10⁶ events from a CSV file and from an XES file, streamed from disk through
 * our readers, against csv-parse and saxes alone on the same files (parsing only, nothing kept).
 * Wall and CPU time (CPU moves less with the load of a shared machine), and the heap the log keeps
 * once read (after a full garbage collection).
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse } from 'csv-parse';
import { SaxesParser } from 'saxes';
import { readCsvLog } from '../src/mining/csv-log.ts';
import { readXesLog } from '../src/mining/xes-log.ts';

const EVENTS = Number(process.env['MINING_EVENTS'] ?? 1_000_000);
/** Rounds of each measurement, alternating; the best counts. */
const ROUNDS = Number(process.env['MINING_ROUNDS'] ?? 2);
const ACTIVITIES = ['receipt', 'transfer', 'verify-origin', 'check-dossier', 'tax-notice', 'sign-certificate', 'result ready', 'result returned'];

function write(dir: string): { csv: string; xes: string } {
  const csv: string[] = ['case:concept:name,concept:name,time:timestamp,lifecycle:transition,org:resource,org:group,case:procedure,case:channel\n'];
  const xes: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">\n'];
  const cases = Math.ceil(EVENTS / (ACTIVITIES.length * 2));
  let t = Date.UTC(2025, 0, 6, 1);
  let n = 0;
  for (let c = 0; c < cases && n < EVENTS; c++) {
    // As long as a real dossier code (a receipt number), so that a reader that keeps slices of the chunk it read shows it.
    const id = `000.00.12.H57-250106-${String(c).padStart(6, '0')}`;
    xes.push(`<trace><string key="concept:name" value="${id}"/><string key="procedure" value="land-use-right-first"/><string key="channel" value="online"/>\n`);
    for (const a of ACTIVITIES) {
      for (const life of ['start', 'complete']) {
        if (n++ >= EVENTS) break;
        t += 60_000;
        const iso = new Date(t).toISOString();
        csv.push(`${id},${a},${iso},${life},officer-${c % 7},land-office,land-use-right-first,online\n`);
        xes.push(`<event><string key="concept:name" value="${a}"/><date key="time:timestamp" value="${iso}"/><string key="lifecycle:transition" value="${life}"/><string key="org:resource" value="officer-${c % 7}"/><string key="org:group" value="land-office"/></event>\n`);
      }
    }
    xes.push('</trace>\n');
  }
  xes.push('</log>\n');
  const files = { csv: join(dir, 'log.csv'), xes: join(dir, 'log.xes') };
  writeFileSync(files.csv, csv.join(''));
  writeFileSync(files.xes, xes.join(''));
  return files;
}

interface Measure {
  ms: number;
  cpuMs: number;
  count: number;
  /** Heap kept by the result once read, MiB (undefined for the parsers alone, which keep nothing). */
  keptMiB: number | undefined;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function time(fn: () => Promise<number | { events: number }>, keeps: boolean): Promise<Measure> {
  gc();
  const heap = process.memoryUsage().heapUsed;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  let result: number | { events: number } | undefined = await fn();
  const ms = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  gc();
  const kept = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
  const count = typeof result === 'number' ? result : result.events;
  result = undefined;
  return { ms, cpuMs: (used.user + used.system) / 1000, count, keptMiB: keeps ? kept : undefined };
}

/** Best of `ROUNDS` (least CPU), measured alternately with the others of its group. */
async function best(fns: readonly (() => Promise<Measure>)[]): Promise<Measure[]> {
  const out: (Measure | undefined)[] = fns.map(() => undefined);
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < fns.length; i++) {
      const m = await fns[i]!();
      if (out[i] === undefined || m.cpuMs < out[i]!.cpuMs) out[i] = m;
    }
  }
  return out as Measure[];
}

async function csvParseOnly(file: string): Promise<number> {
  let n = 0;
  for await (const _ of createReadStream(file).pipe(parse())) n++;
  return n - 1;
}

async function saxesOnly(file: string): Promise<number> {
  const p = new SaxesParser();
  let n = 0;
  p.on('opentag', (tag) => {
    if (tag.name === 'event') n++;
  });
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) p.write(chunk as string);
  p.close();
  return n;
}

export async function runMiningBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  try {
    const files = write(dir);
    const [csvOurs, csvBase] = await best([() => time(() => readCsvLog(createReadStream(files.csv), files.csv), true), () => time(() => csvParseOnly(files.csv), false)]);
    const [xesOurs, xesBase] = await best([() => time(() => readXesLog(createReadStream(files.xes), files.xes), true), () => time(() => saxesOnly(files.xes), false)]);
    const rows: [string, Measure, Measure | undefined][] = [
      ['ours: readCsvLog (traces built)', csvOurs!, csvBase],
      ['csv-parse stream alone', csvBase!, undefined],
      ['ours: readXesLog (traces built)', xesOurs!, xesBase],
      ['saxes alone', xesBase!, undefined],
    ];
    console.log(`${EVENTS.toLocaleString('en')} events, best of ${ROUNDS} rounds by CPU time\n`);
    console.log('| run | events | wall s | CPU s | parser alone ÷ ours (CPU) | heap kept MiB | bytes per event |');
    console.log('|:--|--:|--:|--:|--:|--:|--:|');
    for (const [name, m, base] of rows) {
      const kept = m.keptMiB === undefined ? ['', ''] : [m.keptMiB.toFixed(0), Math.round((m.keptMiB * 2 ** 20) / m.count).toString()];
      console.log(`| ${name} | ${m.count.toLocaleString('en')} | ${(m.ms / 1000).toFixed(2)} | ${(m.cpuMs / 1000).toFixed(2)} | ${base === undefined ? '' : `${(base.cpuMs / m.cpuMs).toFixed(2)}×`} | ${kept[0]} | ${kept[1]} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
