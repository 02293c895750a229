import { describe, expect, expectTypeOf, it } from 'vitest';
import { CalendarError, ProcedureError } from '../../src/errors.ts';
import type { ProcedureInput, ProcedureOutput } from '../../src/dsl/schema.ts';
import type { ProcedureSpec } from '../../src/dsl/spec.ts';
import { listProblems, validateProcedure } from '../../src/dsl/validate.ts';
import { VALID, label, step } from '../support/inputs.ts';

// Tests reach into the spec by path, as a JSON author would.
type Loose = any;

/** A copy of the valid spec changed by `edit`. */
function changed(edit: (spec: Loose) => void): unknown {
  const spec = structuredClone(VALID);
  edit(spec);
  return spec;
}

/** The error `validateProcedure` throws, as plain data. */
function problemOf(input: unknown): { code: string; path: readonly (string | number)[]; message: string } {
  try {
    validateProcedure(input, { file: 'test.json' });
  } catch (e) {
    if (!(e instanceof ProcedureError)) throw e;
    expect(e.file).toBe('test.json');
    return { code: e.code, path: e.path, message: e.message };
  }
  throw new Error('expected a ProcedureError');
}

describe('a valid procedure', () => {
  it('comes back with every default filled in', () => {
    const minimal: ProcedureInput = {
      id: 'min',
      version: '1',
      effectiveFrom: '2025-07-01',
      title: label('Minimal'),
      level: 'commune',
      agencies: { desk: { name: label('Desk'), level: 'commune', desk: true } },
      receipt: { desk: 'desk' },
      flow: [{ kind: 'step', id: 'do', agency: 'desk', title: label('Do'), share: '0wd' }],
      limit: { duration: '0wd', mode: 'date', ref: { document: 'Law', confidence: 'src' } },
    };
    expect(validateProcedure(minimal)).toEqual({
      ...minimal,
      legal: [],
      dossier: {},
      receipt: { desk: 'desk', channels: ['in-person'], handover: 'transfer', transferCutoff: '15:00', maxCompletionRequests: 1 },
      clock: { supplement: 'pause', maxSupplementsPerAgency: 1 },
      lateness: { apology: { noticeBefore: '1wd', max: 1 }, early: 'before-due-date', apologyCountsAsLate: true },
      result: { ratingWindow: '10d' },
    });
  });

  it('fills in the defaults missing inside a policy that is partly given', () => {
    const spec = validateProcedure(changed((s) => (s.lateness = { apology: { max: 2 } })));
    expect(spec.lateness).toEqual({ apology: { noticeBefore: '1wd', max: 2 }, early: 'before-due-date', apologyCountsAsLate: true });
  });

  it('keeps what the designer wrote, in the order of ProcedureSpec', () => {
    const spec = validateProcedure(VALID);
    expect(spec.flow).toEqual(VALID.flow);
    expect(Object.keys(spec)).toEqual(['id', 'version', 'effectiveFrom', 'title', 'level', 'legal', 'agencies', 'dossier', 'receipt', 'flow', 'limit', 'clock', 'lateness', 'result']);
    expect(listProblems(VALID)).toEqual([]);
  });

  it('types the parsed output as a ProcedureSpec and lets the input leave defaults out', () => {
    expectTypeOf<ProcedureOutput>().toExtend<ProcedureSpec>();
    expectTypeOf<ProcedureSpec>().toExtend<ProcedureInput>();
    expectTypeOf<{ desk: string }>().toExtend<ProcedureInput['receipt']>();
    // @ts-expect-error: the desk of the receipt has no default
    expectTypeOf<{ channels: ['online'] }>().toExtend<ProcedureInput['receipt']>();
  });
});

describe('structural problems', () => {
  it.each([
    [
      'an unknown key',
      (s: Loose) => (s.flow[0].agncy = 'justice'),
      ['flow', 0, 'agncy'],
      'Unrecognized key: "agncy". Allowed here: { kind: "step", id, agency, title, share, role?, ref? }. Remove "agncy" or fix its name.',
    ],
    [
      'a missing key',
      (s: Loose) => delete s.flow[3].answerWithin,
      ['flow', 3, 'answerWithin'],
      '"answerWithin" is missing. Add answerWithin: a string (A duration: 3wd, 0.5wd, 4wh, 10d, "3 working days", "10 days") to { kind: "consult", id, title, lead, consulted, answerWithin, deemedConsent, ref? }.',
    ],
    [
      'a value of the wrong type',
      (s: Loose) => (s.effectiveFrom = 20250701),
      ['effectiveFrom'],
      'Invalid input: expected string, received number. Expected a string (YYYY-MM-DD from which this version applies).',
    ],
    [
      'an unknown kind of node',
      (s: Loose) => (s.flow[1].branches[1][0].kind = 'stop'),
      ['flow', 1, 'branches', 1, 0, 'kind'],
      "Invalid discriminator value. Expected 'step' | 'parallel' | 'branch' | 'consult' | 'excluded'.",
    ],
    ['a value outside an enum', (s: Loose) => (s.level = 'village'), ['level'], 'Invalid option: expected one of "province"|"district"|"commune".'],
    [
      'a union matched by no option',
      (s: Loose) => (s.lateness = { early: { after: '1wd' } }),
      ['lateness', 'early'],
      'Invalid input. Expected "before-due-date" or { before }.',
    ],
    [
      'an empty label',
      (s: Loose) => (s.title.vi = ''),
      ['title', 'vi'],
      'Too small: expected string to have >=1 characters. Expected a non-empty string.',
    ],
    [
      'a __proto__ key, which an object would drop',
      (s: Loose) => Object.defineProperty(s.agencies, '__proto__', { value: s.agencies.police, enumerable: true }),
      ['agencies', '__proto__'],
      '"__proto__" cannot be a key: a JavaScript object would drop it silently. Rename it.',
    ],
  ])('%s is invalid, with the form expected there', (_, edit, path, message) => {
    expect(problemOf(changed(edit))).toEqual({ code: 'invalid', path, message });
  });

  it('refuses what is not an object and shows the form of a procedure', () => {
    expect(problemOf([])).toEqual({
      code: 'invalid',
      path: [],
      message:
        'Invalid input: expected object, received array. Expected { id, version, effectiveFrom, effectiveTo?, title, level, legal?, agencies, dossier?, receipt, flow, limit, clock?, lateness?, result? }.',
    });
  });

  it('refuses nesting deeper than 64 levels before parsing it', () => {
    let node: unknown = step('deep', 'justice');
    for (let i = 0; i < 40; i++) node = { kind: 'parallel', id: `p${i}`, branches: [[node]] };
    const { code, path, message } = problemOf(changed((s) => (s.flow = [node])));
    expect({ code, depth: path.length, message }).toEqual({
      code: 'too-deep',
      depth: 65,
      message: 'the procedure nests more than 64 levels deep. Flatten the flow: put nodes one after the other instead of inside each other.',
    });
  });

  it('lists every structural problem at once', () => {
    const problems = listProblems(changed((s) => ((s.level = 'x'), delete s.receipt, (s.flow[0].share = 1))));
    expect(problems.map((p) => [p.code, p.path.join('.')])).toEqual([
      ['invalid', 'level'],
      ['invalid', 'receipt'],
      ['invalid', 'flow.0.share'],
    ]);
  });
});

describe('semantic problems', () => {
  it('bad-date: effectiveFrom must be a real date', () => {
    expect(problemOf(changed((s) => (s.effectiveFrom = '2025-02-30')))).toEqual({
      code: 'bad-date',
      path: ['effectiveFrom'],
      message: '"2025-02-30" is not a date: 2025-02 has 28 days. Write YYYY-MM-DD.',
    });
  });

  it('bad-date: so must the effectiveFrom of a legal reference', () => {
    expect(problemOf(changed((s) => (s.limit.ref.effectiveFrom = '1/7/2025')))).toEqual({
      code: 'bad-date',
      path: ['limit', 'ref', 'effectiveFrom'],
      message: '"1/7/2025" is not a date. Write it as YYYY-MM-DD, e.g. 2025-01-24.',
    });
  });

  it.each([
    ['a step share', (s: Loose, d: string) => (s.flow[0].share = d), ['flow', 0, 'share'], '-1wd'],
    ['the limit', (s: Loose, d: string) => (s.limit.duration = d), ['limit', 'duration'], '5'],
    ['a consultation', (s: Loose, d: string) => (s.flow[3].answerWithin = d), ['flow', 3, 'answerWithin'], '2 weeks'],
    ['an excluded interval', (s: Loose, d: string) => (s.flow[4].lasts = d), ['flow', 4, 'lasts'], '15'],
    ['an extension', (s: Loose, d: string) => (s.flow[2].cases[0].extendLimit = d), ['flow', 2, 'cases', 0, 'extendLimit'], 'ten days'],
    ['the apology notice', (s: Loose, d: string) => (s.lateness = { apology: { noticeBefore: d } }), ['lateness', 'apology', 'noticeBefore'], '1 wk'],
    ['the early margin', (s: Loose, d: string) => (s.lateness = { early: { before: d } }), ['lateness', 'early', 'before'], 'wd'],
    ['the rating window', (s: Loose, d: string) => (s.result = { ratingWindow: d }), ['result', 'ratingWindow'], '-10d'],
  ])('bad-duration: %s must be a duration', (_, edit, path, text) => {
    const problem = problemOf(changed((s) => edit(s, text)));
    expect(problem).toEqual({
      code: 'bad-duration',
      path,
      message: `"${text}" is not a duration. Write a non-negative number and a unit: 3wd, 0.5wd, 4wh, 10d, "3 working days", "4 working hours", "10 days".`,
    });
  });

  it('bad-office-hours: an opening period that ends after midnight, with the path inside the agency', () => {
    const hours = { id: 'police', versions: [{ validFrom: '2025-01-01', seasons: [{ from: '01-01', shifts: ['07:30-11:30', '13:00-25:00'] }] }] };
    const error = (() => {
      try {
        return validateProcedure(changed((s) => (s.agencies.police.hours = hours)));
      } catch (e) {
        return e;
      }
    })() as ProcedureError;
    expect([error.code, error.path, error.message]).toEqual([
      'bad-office-hours',
      ['agencies', 'police', 'hours', 'versions', 0, 'seasons', 0, 'shifts', 1],
      '"13:00-25:00" is not an opening period. Write HH:MM-HH:MM with the start before the end, e.g. 07:30-11:30.',
    ]);
    expect(error.cause).toBeInstanceOf(CalendarError);
  });

  it('no-desk: one agency must be the desk', () => {
    expect(problemOf(changed((s) => delete s.agencies.desk.desk))).toEqual({
      code: 'no-desk',
      path: ['agencies'],
      message: 'no agency is the one-stop desk. Mark the agency that receives and returns dossiers with desk: true (receipt.desk names "desk").',
    });
  });

  it('several-desks: only one agency may be the desk', () => {
    expect(problemOf(changed((s) => (s.agencies.police.desk = true)))).toEqual({
      code: 'several-desks',
      path: ['agencies', 'police', 'desk'],
      message: 'several agencies are marked as the one-stop desk: desk, police. Keep desk: true on one of them only.',
    });
  });

  it('receipt-desk: the receipt names the desk agency', () => {
    expect(problemOf(changed((s) => (s.receipt.desk = 'justice')))).toEqual({
      code: 'receipt-desk',
      path: ['receipt', 'desk'],
      message: 'receipt.desk is "justice" but the one-stop desk is "desk". Set receipt.desk to "desk", or move desk: true to "justice".',
    });
    expect(problemOf(changed((s) => (s.receipt.desk = 'dsk'))).message).toBe(
      'receipt.desk "dsk" is not a declared agency; the one-stop desk is "desk". Set receipt.desk to "desk".',
    );
  });

  it.each(['3pm', '24:00', '9:30', '15:60'])('bad-time: a transfer cut-off of "%s" is not HH:MM', (time) => {
    expect(problemOf(changed((s) => (s.receipt.transferCutoff = time)))).toEqual({
      code: 'bad-time',
      path: ['receipt', 'transferCutoff'],
      message: `"${time}" is not a time of day. Write the transfer cut-off as HH:MM between 00:00 and 23:59, e.g. 15:00.`,
    });
  });

  it.each([
    ['a step', (s: Loose) => (s.flow[1].branches[0][0].agency = 'polise'), ['flow', 1, 'branches', 0, 0, 'agency']],
    ['a consultation lead', (s: Loose) => (s.flow[3].lead = 'polise'), ['flow', 3, 'lead']],
    ['a consulted agency', (s: Loose) => (s.flow[3].consulted = ['polise']), ['flow', 3, 'consulted', 0]],
    ['a step inside a branch', (s: Loose) => (s.flow[2].cases[0].flow[0].agency = 'polise'), ['flow', 2, 'cases', 0, 'flow', 0, 'agency']],
  ])('unknown-agency: %s names an agency that is not declared', (_, edit, path) => {
    expect(problemOf(changed(edit))).toEqual({
      code: 'unknown-agency',
      path,
      message: 'unknown agency "polise". Declared agencies: desk, justice, police. Declare it under agencies or fix the name.',
    });
  });

  it('unknown-agency: the party of an excluded interval is "applicant" or an agency', () => {
    expect(problemOf(changed((s) => (s.flow[4].party = 'citizen')))).toEqual({
      code: 'unknown-agency',
      path: ['flow', 4, 'party'],
      message: 'unknown party "citizen". The party is "applicant" or an agency. Declared agencies: desk, justice, police. Declare it under agencies or fix the name.',
    });
    expect(validateProcedure(changed((s) => (s.flow[4].party = 'police'))).flow[4]).toMatchObject({ party: 'police' });
  });

  it('unknown-agency: names inherited from Object.prototype are not agencies', () => {
    expect(problemOf(changed((s) => (s.flow[0].agency = 'constructor'))).code).toBe('unknown-agency');
  });

  it('duplicate-id: ids are unique at any depth, and both places are named', () => {
    expect(problemOf(changed((s) => (s.flow[2].cases[0].flow[0].id = 'register')))).toEqual({
      code: 'duplicate-id',
      path: ['flow', 2, 'cases', 0, 'flow', 0, 'id'],
      message: 'id "register" at flow.2.cases.0.flow.0 is already used at flow.0. Give each node of the flow its own id.',
    });
  });

  it('duplicate-id: ids that read alike once . # and \\ become _ (one state of the machine) are refused too', () => {
    expect(problemOf(changed((s) => ((s.flow[0].id = 'check.docs'), (s.flow[2].cases[0].flow[0].id = 'check_docs'))))).toEqual({
      code: 'duplicate-id',
      path: ['flow', 2, 'cases', 0, 'flow', 0, 'id'],
      message: `id "check_docs" at flow.2.cases.0.flow.0 reads as "check.docs" at flow.0 once . # and \\ become _ (the compiled machine's state names). Give each node of the flow an id that differs in letters, digits, - or _.`,
    });
    expect(validateProcedure(changed((s) => (s.flow[0].id = 'check.docs'))).flow[0]).toMatchObject({ id: 'check.docs' });
  });

  it('empty-flow: a flow without any step', () => {
    const message = 'the flow has no step, so no agency would work on the dossier. Add at least one { kind: "step", id, agency, title, share }.';
    expect(problemOf(changed((s) => (s.flow = [])))).toEqual({ code: 'empty-flow', path: ['flow'], message });
    expect(problemOf(changed((s) => (s.flow = [s.flow[4]])))).toEqual({ code: 'empty-flow', path: ['flow'], message });
  });

  it('parallel-branches: at least two branches', () => {
    expect(problemOf(changed((s) => s.flow[1].branches.pop()))).toEqual({
      code: 'parallel-branches',
      path: ['flow', 1, 'branches'],
      message: 'parallel "linked" has 1 branch; it needs at least two. Add a branch, or put the nodes of a single branch straight into the flow.',
    });
  });

  it('parallel-branches: no empty branch', () => {
    expect(problemOf(changed((s) => (s.flow[1].branches[1] = [])))).toEqual({
      code: 'parallel-branches',
      path: ['flow', 1, 'branches', 1],
      message: 'branch 1 of parallel "linked" is empty. Put at least one node in it, or remove it.',
    });
  });

  it('unknown-field: a branch tests a field the dossier declares', () => {
    expect(problemOf(changed((s) => (s.flow[2].field = 'remot')))).toEqual({
      code: 'unknown-field',
      path: ['flow', 2, 'field'],
      message: 'unknown dossier field "remot". Declared fields: remote. Declare it under dossier or fix the name.',
    });
  });

  it.each([
    ['a quoted boolean', { type: 'boolean', label: label('Remote') }, 'true', 'case "true" cannot match remote, a boolean field. Write true or false, without quotes.'],
    ['a quoted number', { type: 'number', label: label('Area') }, '100', 'case "100" cannot match remote, a number field. Write a number, without quotes.'],
    ['a number for a string', { type: 'string', label: label('Ward') }, 7, 'case 7 cannot match remote, a string field. Write the value in quotes.'],
    [
      'an undeclared enum value',
      { type: 'enum', values: ['plain', 'mountain'], label: label('Terrain') },
      'island',
      'case "island" is not a value of remote ("plain", "mountain"). Use one of them, or add it to dossier.remote.values.',
    ],
  ])('bad-case: %s', (_, field, when, message) => {
    expect(problemOf(changed((s) => ((s.dossier.remote = field), (s.flow[2].cases[0].when = when))))).toEqual({
      code: 'bad-case',
      path: ['flow', 2, 'cases', 0, 'when'],
      message,
    });
  });

  it('bad-case: a value tested twice', () => {
    expect(problemOf(changed((s) => s.flow[2].cases.push({ when: true, flow: [] })))).toEqual({
      code: 'bad-case',
      path: ['flow', 2, 'cases', 1, 'when'],
      message: 'case true repeats case 0 of branch "remote?". Merge the two cases.',
    });
  });

  it('bad-field: an enum lists a value once', () => {
    expect(problemOf(changed((s) => (s.dossier.terrain = { type: 'enum', values: ['plain', 'hill', 'plain'], label: label('Terrain') })))).toEqual({
      code: 'bad-field',
      path: ['dossier', 'terrain', 'values', 2],
      message: '"plain" is listed twice in the values of terrain. List each value once.',
    });
  });

  it('no-way-out: a boolean branch without otherwise needs both true and false', () => {
    expect(problemOf(changed((s) => delete s.flow[2].otherwise))).toEqual({
      code: 'no-way-out',
      path: ['flow', 2],
      message:
        'branch "remote?" has no case for remote = false and no otherwise: such a dossier could never leave the branch. Add a case for false, or otherwise: { flow: [] } to let it go straight on.',
    });
    expect(() => validateProcedure(changed((s) => (delete s.flow[2].otherwise, s.flow[2].cases.push({ when: false, flow: [] }))))).not.toThrow();
  });

  it('no-way-out: an enum branch without otherwise needs every value', () => {
    const edit = (s: Loose): void => {
      s.dossier.remote = { type: 'enum', values: ['plain', 'hill', 'mountain'], label: label('Terrain') };
      s.flow[2].cases = [{ when: 'hill', flow: [] }];
      delete s.flow[2].otherwise;
    };
    expect(problemOf(changed(edit))).toEqual({
      code: 'no-way-out',
      path: ['flow', 2],
      message:
        'branch "remote?" has no case for remote = "plain", "mountain" and no otherwise: such a dossier could never leave the branch. Add a case for "plain", "mountain", or otherwise: { flow: [] } to let it go straight on.',
    });
  });

  it('no-way-out: a number or string branch always needs otherwise', () => {
    const edit = (s: Loose): void => {
      s.dossier.remote = { type: 'number', label: label('Area') };
      s.flow[2].cases = [{ when: 100, flow: [] }];
      delete s.flow[2].otherwise;
    };
    expect(problemOf(changed(edit))).toEqual({
      code: 'no-way-out',
      path: ['flow', 2],
      message:
        'branch "remote?" tests remote, a number field, and has no otherwise: a dossier with any other value could never leave the branch. Add otherwise: { flow: [] } to let it go straight on.',
    });
  });

  it.each([
    ['nobody is consulted', [], ['flow', 3, 'consulted'], 'consult "c" consults nobody. List the consulted agencies, or use a step instead.'],
    ['an agency is consulted twice', ['police', 'desk', 'police'], ['flow', 3, 'consulted', 2], '"police" is consulted twice in consult "c". List each agency once.'],
    ['the lead consults itself', ['police', 'justice'], ['flow', 3, 'consulted', 1], '"justice" leads consult "c" and cannot consult itself. Remove it from consulted.'],
  ])('consult: %s', (_, consulted, path, message) => {
    expect(problemOf(changed((s) => (s.flow[3].consulted = consulted)))).toEqual({ code: 'consult', path, message });
  });

  it('limit-unit: the date mode refuses working hours and asks for mode "hours"', () => {
    expect(problemOf(changed((s) => (s.limit.duration = '40wh')))).toEqual({
      code: 'limit-unit',
      path: ['limit', 'duration'],
      message: '"40wh" is in working hours, which the date mode cannot count: it counts whole days (Civil Code Art. 147–148). Use mode "hours" in limit, or write whole days.',
    });
  });

  it('limit-unit: the date mode refuses fractions of a day, in the limit and in an extension', () => {
    const message = (text: string) =>
      `"${text}" is not a whole number of days, and the date mode counts whole days (Civil Code Art. 147–148). Use mode "hours" in limit, or write whole days.`;
    expect(problemOf(changed((s) => (s.limit.duration = '2.5wd')))).toEqual({ code: 'limit-unit', path: ['limit', 'duration'], message: message('2.5wd') });
    expect(problemOf(changed((s) => (s.flow[2].cases[0].extendLimit = '0.5d')))).toEqual({
      code: 'limit-unit',
      path: ['flow', 2, 'cases', 0, 'extendLimit'],
      message: message('0.5d'),
    });
  });

  it('limit-unit: an extension counts like the limit it extends', () => {
    expect(problemOf(changed((s) => (s.flow[2].cases[0].extendLimit = '10d')))).toEqual({
      code: 'limit-unit',
      path: ['flow', 2, 'cases', 0, 'extendLimit'],
      message: '"10d" extends a limit of 5wd: a limit in working time is extended in working days or hours. Write the extension in the limit\'s unit.',
    });
  });

  it('limit-unit: the hours mode takes any unit', () => {
    expect(validateProcedure(changed((s) => (s.limit = { ...s.limit, duration: '2.5wd', mode: 'hours' }))).limit.duration).toBe('2.5wd');
    expect(validateProcedure(changed((s) => (s.limit = { ...s.limit, duration: '20wh', mode: 'hours' }))).limit.duration).toBe('20wh');
  });
});

describe('listing problems', () => {
  it('collects every semantic problem in document order, and validateProcedure throws the first', () => {
    const input = changed((s) => {
      s.effectiveFrom = '2025-13-01';
      s.flow[0].agency = 'polise';
      s.flow[3].id = 'register';
      s.limit.duration = '40wh';
    });
    expect(listProblems(input, { file: 'p.yaml' }).map((p) => p.describe())).toEqual([
      'p.yaml: effectiveFrom: "2025-13-01" is not a date: month 13 is not in 1–12. Write YYYY-MM-DD.',
      'p.yaml: flow.0.agency: unknown agency "polise". Declared agencies: desk, justice, police. Declare it under agencies or fix the name.',
      'p.yaml: flow.3.id: id "register" at flow.3 is already used at flow.0. Give each node of the flow its own id.',
      'p.yaml: limit.duration: "40wh" is in working hours, which the date mode cannot count: it counts whole days (Civil Code Art. 147–148). Use mode "hours" in limit, or write whole days.',
    ]);
    expect(problemOf(input).code).toBe('bad-date');
  });

  it('leaves the file out when none is given', () => {
    const [problem] = listProblems(changed((s) => (s.flow[0].share = 'soon')));
    expect(problem?.file).toBeUndefined();
    expect(problem?.describe()).toBe(
      'flow.0.share: "soon" is not a duration. Write a non-negative number and a unit: 3wd, 0.5wd, 4wh, 10d, "3 working days", "4 working hours", "10 days".',
    );
  });
});
