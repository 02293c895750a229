import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLog } from '../../src/cli/log-input.ts';
import { readCsvLog } from '../../src/mining/csv-log.ts';
import { type Discovery, discover, slugOf } from '../../src/mining/discover.ts';
import { DEFAULT_MAPPING } from '../../src/mining/mapping.ts';
import { accepts, mineTree } from '../../src/mining/process-tree.ts';
import { runCli } from '../support/cli.ts';

const DIR = fileURLToPath(new URL('../../test-artifacts/mining-discover', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const a = (activity: string) => ({ kind: 'activity', activity });

/** The flow as nested plain data: what the assertions compare, ids and structure, nothing else. */
function shape(flow: Discovery['spec']['flow']): unknown[] {
  return flow.map((n) => {
    switch (n.kind) {
      case 'step':
        return `${n.id}@${n.agency}`;
      case 'parallel':
        return { parallel: n.branches.map(shape) };
      case 'excluded':
        return `excluded ${n.id} (${n.reason}, ${n.party}${n.lasts === undefined ? '' : `, ${n.lasts}`})`;
      case 'consult':
        return `consult ${n.id}: ${n.lead} → ${n.consulted.join(', ')} within ${n.answerWithin}${n.deemedConsent ? ', deemed consent' : ''}`;
      case 'branch':
        return { branch: n.field, cases: n.cases.map((c) => ({ when: c.when, flow: shape(c.flow) })), otherwise: shape(n.otherwise?.flow ?? []) };
    }
  });
}

describe('mining a process tree from traces', () => {
  it('finds a sequence with an optional activity, an exclusive choice and a parallel part', () => {
    const traces = [
      ...Array.from({ length: 30 }, () => ['a', 'b', 'c', 'd']),
      ...Array.from({ length: 30 }, () => ['a', 'c', 'b', 'd']),
      ...Array.from({ length: 20 }, () => ['x', 'a', 'b', 'c', 'e']),
      ...Array.from({ length: 20 }, () => ['x', 'a', 'c', 'b', 'e']),
    ];
    const { tree, fellThrough } = mineTree(traces, 0.05);
    expect(tree).toEqual({
      kind: 'sequence',
      children: [
        { kind: 'exclusive', children: [{ kind: 'skip' }, a('x')], cases: [60, 40] },
        a('a'),
        { kind: 'parallel', children: [a('b'), a('c')] },
        { kind: 'exclusive', children: [a('d'), a('e')], cases: [60, 40] },
      ],
    });
    expect(fellThrough).toEqual([]);
    expect(accepts(tree, ['x', 'a', 'c', 'b', 'd'])).toBe(true);
    expect(accepts(tree, ['a', 'b', 'd'])).toBe(false);
    expect(accepts(tree, ['a', 'd', 'b', 'c'])).toBe(false);
  });

  it('drops a directly-follows edge seen in fewer cases than the threshold, and keeps it under a lower one', () => {
    const traces = [...Array.from({ length: 97 }, () => ['a', 'b']), ...Array.from({ length: 3 }, () => ['b', 'a'])];
    expect(mineTree(traces, 0.05).tree).toEqual({ kind: 'sequence', children: [a('a'), a('b')] });
    expect(mineTree(traces, 0.01).tree).toEqual({ kind: 'parallel', children: [a('a'), a('b')] });
  });

  it('makes ids of Vietnamese activity names', () => {
    expect(slugOf('Thẩm định hồ sơ (Đợt 2)')).toBe('tham-dinh-ho-so-dot-2');
  });
});

describe('discovering a catalogue procedure back from the log motcua simulate --events writes', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true });
    // A month of the round trip's truth is enough to see the flow (and keeps the test short); its
    // two-agency judicial flow is a fixture file, copied beside it.
    copyFileSync(fixture('judicial-record-two-agency.json'), `${DIR}/judicial-record-two-agency.json`);
    writeFileSync(`${DIR}/judicial-truth.yaml`, readFileSync(fixture('judicial-truth.yaml'), 'utf8').replace(/^horizon: .*$/m, 'horizon: 30d'));
    expect((await runCli(['simulate', `${DIR}/judicial-truth.yaml`, '--events', `${DIR}/judicial.xes`, '--json'])).code).toBe(0);
    expect((await runCli(['simulate', fixture('linked-birth-truth.yaml'), '--events', `${DIR}/linked.csv`, '--json'])).code).toBe(0);
  });

  it('finds the judicial record flow: an optional further verification, then check, lookup and issue, each at its station', async () => {
    const d = discover(await loadLog(`${DIR}/judicial.xes`, DEFAULT_MAPPING));
    expect(shape(d.spec.flow)).toEqual([{ branch: 'verify-further-needed', cases: [{ when: true, flow: ['verify-further@justice'] }], otherwise: [] }, 'check@justice', 'lookup@police', 'issue@justice']);
    expect(d.spec.receipt.desk).toBe('centre');
    expect(Object.keys(d.spec.agencies)).toEqual(['centre', 'justice', 'police']);
    expect(d.cases.notFitting).toBe(0);
    // The branch's share of cases and the rework (supplement requests) come back near the truth's 0.3 and 0.1.
    const complex = d.scenario.dossier['verify-further-needed']!['true']!;
    expect(Math.abs(complex.p - 0.3)).toBeLessThan(0.05);
    expect(d.steps.find((s) => s.step === 'lookup')!.reworkCases / d.steps.find((s) => s.step === 'lookup')!.cases).toBeGreaterThan(0.07);
    expect(d.leftOut.map((l) => l.en)).toEqual(['the statutory limit, legal references and administrative level: not in a log (the draft says so)']);
  });

  it('finds the linked birth flow: register the birth, then residence and health-insurance card in parallel', async () => {
    const d = discover(await loadLog(`${DIR}/linked.csv`, DEFAULT_MAPPING));
    expect(shape(d.spec.flow)).toEqual(['register-birth@justice', { parallel: [['issue-card@insurance'], ['register-residence@police']] }]);
    expect(d.spec.receipt.channels).toEqual(['in-person', 'online']);
  });

  it('leaves out an activity rarer than --min-frequency and says so; a lower threshold keeps it', async () => {
    const rows = ['case:concept:name,concept:name,time:timestamp,org:group'];
    for (let c = 0; c < 40; c++) {
      const day = `2025-03-${String(3 + (c % 5)).padStart(2, '0')}`;
      rows.push(`c${c},Tiếp nhận,${day}T08:00,desk`, `c${c},Thẩm định,${day}T09:00,office`);
      if (c === 7) rows.push(`c${c},Xin ý kiến,${day}T09:30,office`);
      rows.push(`c${c},Ký duyệt,${day}T10:00,leader`);
    }
    const log = await readCsvLog([`${rows.join('\n')}\n`], 'small.csv');
    const d = discover(log);
    expect(shape(d.spec.flow)).toEqual(['tiep-nhan@desk', 'tham-dinh@office', 'ky-duyet@leader']);
    expect(d.leftOut.map((l) => l.en)).toContain('activity "Xin ý kiến": in 1 of 40 finished cases (2.5%), under --min-frequency 0.05');
    expect(d.cases.notFitting).toBe(0);
    const kept = discover(log, { minFrequency: 0.01 });
    expect(shape(kept.spec.flow)).toEqual(['tiep-nhan@desk', 'tham-dinh@office', { branch: 'xin-y-kien-needed', cases: [{ when: true, flow: ['xin-y-kien@office'] }], otherwise: [] }, 'ky-duyet@leader']);
  });

  it('writes a procedure that motcua check passes and a scenario that motcua validate reproduces the log with', async () => {
    const out = `${DIR}/judicial-draft`;
    const run = await runCli(['discover', `${DIR}/judicial.xes`, '-o', out]);
    expect(run.code).toBe(0);
    // The shares printed are those of the discovered tree's choice (near the truth's 0.3, as the test above checks).
    const tree = discover(await loadLog(`${DIR}/judicial.xes`, DEFAULT_MAPPING)).tree;
    const choice = tree.kind === 'sequence' ? tree.children[0]! : tree;
    if (choice.kind !== 'exclusive') throw new Error(`expected a choice first, found ${choice.kind}`);
    const [skip, further] = choice.cases.map((n) => Math.round((100 * n) / choice.cases.reduce((s, x) => s + x, 0)));
    expect(run.out).toContain(`  flow: (skip ${skip}% | verify-further ${further}%) → check → lookup → issue\n`);
    expect(run.err).toBe(`motcua: draft procedure written to ${out}/procedure.yaml, its scenario to ${out}/scenario.yaml\n`);
    const check = await runCli(['check', `${out}/procedure.yaml`, '--seed', '1', '--runs', '10', '--json']);
    expect(JSON.parse(check.out).status).toBe('pass');
    expect(check.code).toBe(0);
    expect(readFileSync(`${out}/scenario.yaml`, 'utf8')).toContain('  - procedure: "procedure.yaml"');
    const v = await runCli(['validate', `${out}/scenario.yaml`, '--log', `${DIR}/judicial.xes`, '--replications', '3', '--json']);
    const validation = JSON.parse(v.out);
    expect(validation.cycleTime.ks).toBeLessThanOrEqual(0.1);
    expect(Math.abs(validation.arrivalsPerDayRatio - 1)).toBeLessThanOrEqual(0.1);
    expect(validation.activities.find((x: { activity: string }) => x.activity === 'verify-further').verdict).not.toBe('poor');
  });

  it('finds the excluded intervals (public posting, the applicant paying) and the consultation with deemed consent that a log shows, and says what it guessed', async () => {
    expect((await runCli(['simulate', fixture('land-construction-truth.yaml'), '--events', `${DIR}/land-construction.csv`, '--json'])).code).toBe(0);
    const log = await loadLog(`${DIR}/land-construction.csv`, DEFAULT_MAPPING);
    const land = discover(log, { procedure: 'land-use-right-first' });
    expect(shape(land.spec.flow)).toEqual([
      'verify-origin@commune-cadastral',
      'excluded public-posting (public-posting, commune-cadastral, 15d)',
      'check-dossier@land-office',
      { parallel: [['draft-certificate@land-office'], ['tax-notice@local-tax']] },
      'excluded pay-land-tax (payment, applicant)',
      'sign-certificate@commune-committee',
    ]);
    // Nobody's work is a station: no "applicant" or "system" station with dozens of officers.
    expect(Object.keys(land.scenario.stations)).toEqual(['commune-centre', 'commune-cadastral', 'land-office', 'local-tax', 'commune-committee']);
    expect(land.scenario.yaml).toMatch(/^ {6}"pay-land-tax": \{ empirical: \[.*\] \} # calendar days from the previous event; from \d+ observations/m);
    expect(land.leftOut.map((l) => l.en)).toContain('"pay-land-tax" is taken as time excluded from the limit (held by the applicant or by nobody), reason "payment" guessed from its name: check it and add its legal reference');
    const permit = discover(log, { procedure: 'construction-permit-house' });
    expect(shape(permit.spec.flow)).toEqual(['appraise@commune-economic', 'consult opinions: commune-economic → province-departments, commune-cadastral within 8d, deemed consent', 'sign@commune-committee']);
    const c = permit.consultations[0]!;
    // The truth's silence is 0.15 per consulted agency; a few hundred consultations measure it to a few points.
    expect(Math.abs(c.deemed / (c.answers + c.deemed) - 0.15)).toBeLessThan(0.05);
    expect(permit.scenario.yaml).toMatch(/^ {6}"opinions": \{ duration: \{ .* \}, silence: 0\.1\d+ \} # from \d+ answers; silence: \d+ consents deemed of \d+ consulted agencies$/m);
    expect(permit.leftOut.some((l) => l.en.includes('consultation'))).toBe(false);
    for (const [name, d] of [['land', land], ['permit', permit]] as const) {
      mkdirSync(`${DIR}/${name}`, { recursive: true });
      writeFileSync(`${DIR}/${name}/procedure.yaml`, d.procedureYaml);
      expect((await runCli(['check', `${DIR}/${name}/procedure.yaml`, '--seed', '1', '--runs', '10'])).code).toBe(0);
    }
  });

  it('refuses a --min-frequency that is not a share, and a log with no finished case, in one line each', async () => {
    const bad = await runCli(['discover', `${DIR}/judicial.xes`, '-o', `${DIR}/x`, '--min-frequency', '5']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('motcua: --min-frequency: --min-frequency "5" must be a share of the cases, at least 0 and below 1 (e.g. 0.05).\n');
    writeFileSync(`${DIR}/refused.csv`, 'case:concept:name,concept:name,time:timestamp\nc1,receipt,2025-03-03T09:00\nc1,refusal,2025-03-03T10:00\n');
    const none = await runCli(['discover', `${DIR}/refused.csv`, '-o', `${DIR}/x`]);
    expect(none.code).toBe(2);
    expect(none.err).toBe(`motcua: ${DIR}/refused.csv: no case of the log ran to its end (every one was refused, withdrawn or is in progress): the flow cannot be discovered.\n`);
  });
});
