/**
 * Reading event logs: 10⁶ events from a CSV file and from an XES file, streamed from disk through
 * our readers, against csv-parse and saxes alone on the same files (parsing only, nothing kept).
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { SaxesParser } from 'saxes';
import { readCsvLog } from '../src/mining/csv-log.ts';
import { readXesLog } from '../src/mining/xes-log.ts';

const EVENTS = Number(process.env['MINING_EVENTS'] ?? 1_000_000);
const ACTIVITIES = ['receipt', 'transfer', 'verify-origin', 'check-dossier', 'tax-notice', 'sign-certificate', 'result ready', 'result returned'];

function write(dir: string): { csv: string; xes: string } {
  const csv: string[] = ['case:concept:name,concept:name,time:timestamp,lifecycle:transition,org:resource,org:group,case:procedure,case:channel\n'];
  const xes: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">\n'];
  const cases = Math.ceil(EVENTS / (ACTIVITIES.length * 2));
  let t = Date.UTC(2025, 0, 6, 1);
  let n = 0;
  for (let c = 0; c < cases && n < EVENTS; c++) {
    const id = `r0-${c}`;
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

async function time(fn: () => Promise<number>): Promise<{ ms: number; count: number }> {
  const t0 = performance.now();
  const count = await fn();
  return { ms: performance.now() - t0, count };
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
    const rows: [string, { ms: number; count: number }, number | undefined][] = [];
    const ours = await time(async () => (await readCsvLog(createReadStream(files.csv), files.csv)).events);
    const csvBase = await time(() => csvParseOnly(files.csv));
    const xesOurs = await time(async () => (await readXesLog(createReadStream(files.xes), files.xes)).events);
    const xesBase = await time(() => saxesOnly(files.xes));
    rows.push(['ours: readCsvLog (traces built)', ours, csvBase.ms / ours.ms], ['csv-parse stream alone', csvBase, undefined]);
    rows.push(['ours: readXesLog (traces built)', xesOurs, xesBase.ms / xesOurs.ms], ['saxes alone', xesBase, undefined]);
    console.log(`${EVENTS.toLocaleString('en')} events; heap after: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB\n`);
    console.log('| run | events | s | events/s | baseline ÷ ours |');
    console.log('|:--|--:|--:|--:|--:|');
    for (const [name, m, ratio] of rows) {
      console.log(`| ${name} | ${m.count.toLocaleString('en')} | ${(m.ms / 1000).toFixed(2)} | ${Math.round((m.count / m.ms) * 1000).toLocaleString('en')} | ${ratio === undefined ? '' : `${ratio.toFixed(2)}×`} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
