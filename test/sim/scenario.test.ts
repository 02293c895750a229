import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/calendar/date.ts';
import { parseInstant } from '../../src/calendar/instant.ts';
import { ALWAYS_OPEN, VN_DEFAULT_OFFICE_HOURS } from '../../src/calendar/office-hours.ts';
import { ScenarioError } from '../../src/errors.ts';
import type { SimConfig, SimProcedure } from '../../src/sim/config.ts';
import { loadScenario, procedureResolver } from '../../src/node/scenario-files.ts';
import { type ReplayReader, type Scenario, parseScenario, stationLoad } from '../../src/sim/scenario/index.ts';
import { SMALL_SCENARIO as BASE, editScenario as edit } from '../support/sim.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILE = 'simulations/inline.yaml';
/** The real resolver: catalogue ids, and files relative to simulations/. Shared, so the catalogue is loaded once. */
const resolver = procedureResolver(FILE);

const procedureOf = (config: SimConfig, id: string): SimProcedure => {
  const found = config.procedures.find((p) => p.spec.id === id);
  if (found === undefined) throw new Error(`no procedure ${id}`);
  return found;
};
const utilisationOf = (config: SimConfig): Record<string, number> => Object.fromEntries(stationLoad(config).map((l) => [l.station, l.utilisation]));
const online = (p: SimProcedure): number => p.channels.find((c) => c.value === 'online')?.p ?? 0;

async function parse(text: string, read?: ReplayReader): Promise<Scenario> {
  return parseScenario(text, FILE, resolver, read);
}

/** The ScenarioError that parsing `text` throws, as plain data. */
async function problemOf(text: string, read?: ReplayReader): Promise<{ code: string; path: readonly (string | number)[]; message: string }> {
  try {
    await parse(text, read);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    expect(e.file).toBe(FILE);
    return { code: e.code, path: e.path, message: e.message };
  }
  throw new Error('expected a ScenarioError');
}

describe('the default scenario, province-2016.yaml', async () => {
  const scenario = await loadScenario(`${ROOT}simulations/province-2016.yaml`);
  const { baseline } = scenario;

  it('runs a year from 2025-01-01 with a 30-day warm-up, 5 replications, on the Vietnamese calendar', () => {
    expect(baseline).toMatchObject({
      name: 'Lào Cai-like province, 2025',
      start: localDate(2025, 1, 1),
      horizonDays: 365,
      warmupDays: 30,
      replications: 5,
      seed: 2016,
      calendar: 'vn',
      discipline: 'fcfs',
      drain: false,
      apologyExtensionDays: 5,
      applicantResponse: { kind: 'triangular', min: 1, mode: 3, max: 10 },
      transfer: {
        'in-person': { kind: 'triangular', min: 1, mode: 4, max: 8 },
        postal: { kind: 'triangular', min: 1, mode: 4, max: 8 },
        online: { kind: 'fixed', value: 0 },
      },
    });
  });

  it('mixes the catalogue procedures in force on the start date, about 250 a working day', () => {
    expect(baseline.procedures.map((p) => `${p.spec.id}@${p.spec.version}`)).toEqual([
      'birth-registration@2016.1',
      'marriage-registration@2016.1',
      'death-registration@2016.1',
      'permanent-residence@2021.1',
      'temporary-residence@2021.1',
      'birth-residence-insurance@2024.1',
      'death-residence-funeral@2024.1',
      'household-business-registration@2021.1',
      'construction-permit-house@2021.1',
      'land-use-right-first@2024.1',
      'enterprise-registration@2021.1',
      'investment-registration@2021.1',
      'judicial-record@2010.1',
      'passport@2020.1',
    ]);
    const perDay = baseline.procedures.reduce((s, p) => s + (p.arrivals.kind === 'poisson' ? p.arrivals.perDay : 0), 0);
    expect(perDay).toBeCloseTo(250.4, 9);
  });

  it('sends the land procedure to the district desk, the commune cadastral officers, the land office, the district tax office and the district committee', () => {
    const land = procedureOf(baseline, 'land-use-right-first');
    expect(land.stationOf).toEqual({
      desk: 'district-desk',
      commune: 'commune-cadastral',
      landOffice: 'land-office',
      tax: 'district-tax',
      issuer: 'district-committee',
    });
    expect(land.dossier).toEqual({ remoteCommune: [{ value: true, p: 0.45 }, { value: false, p: 0.55 }] });
    expect(land.intervals).toEqual({ 'pay-land-tax': { kind: 'triangular', min: 1, mode: 7, max: 30 } });
    expect(land.steps['check-dossier']).toEqual({ duration: { kind: 'triangular', min: 2, mode: 4, max: 8 }, supplement: 0.06, refusal: 0.02 });
    // tax-notice gives a duration only; supplement and refusal come from steps.default.
    expect(land.steps['tax-notice']).toEqual({ duration: { kind: 'triangular', min: 1, mode: 2, max: 4 }, supplement: 0.03, refusal: 0.01 });
    expect(Object.keys(land.steps)).toEqual(['verify-origin', 'check-dossier', 'tax-notice', 'draft-certificate', 'sign-certificate']);
  });

  it('fills in what an entry leaves out, and shapes arrivals with the shared weekday and hour profiles', () => {
    const birth = procedureOf(baseline, 'birth-registration');
    expect(birth.withdrawAfter).toEqual({ kind: 'exponential', mean: 5 });
    expect(birth.answers).toEqual({});
    expect(birth.intervals).toEqual({});
    expect(birth.arrivals).toEqual({
      kind: 'poisson',
      perDay: 40,
      weekdays: [1, 1.2, 1.05, 1.0, 0.95, 0.8, 1],
      hours: [0, 0, 0, 0, 0, 0, 0, 0, 1.4, 1.5, 1.3, 0.9, 0, 0.8, 1.0, 0.9, 0.6, 0, 0, 0, 0, 0, 0, 0],
    });
    expect(procedureOf(baseline, 'permanent-residence').dossier).toEqual({});
    expect(procedureOf(baseline, 'household-business-registration').channels).toEqual([{ value: 'in-person', p: 1 }]);
    expect(procedureOf(baseline, 'construction-permit-house').answers).toEqual({ opinions: { duration: { kind: 'triangular', min: 1, mode: 2, max: 4 }, silence: 0.15 } });
  });

  it('gives stations standard office hours unless they say otherwise', () => {
    expect(baseline.stations['commune-desk']).toEqual({ officers: 10, hours: VN_DEFAULT_OFFICE_HOURS });
    expect(baseline.stations['land-office']?.officers).toBe(17);
    expect(baseline.stations['province-tax']?.hours.id).toBe('tax-codes-mornings');
  });

  it('has one clear bottleneck, the land registration office, at 0.85 or more, and every station below 1', () => {
    const loads = stationLoad(baseline);
    const busiest = loads.reduce((a, b) => (b.utilisation > a.utilisation ? b : a));
    expect(busiest.station).toBe('land-office');
    expect(busiest.utilisation).toBeGreaterThanOrEqual(0.85);
    expect(loads.filter((l) => l.utilisation >= 1)).toEqual([]);
    expect(loads.filter((l) => l.station !== 'land-office' && l.utilisation >= 0.85)).toEqual([]);
  });

  it('adds two land officers in "more land officers", and changes nothing else', () => {
    const more = scenario.variants.find((v) => v.name === 'more land officers')!.config;
    expect(more.name).toBe('Lào Cai-like province, 2025: more land officers');
    expect(more.stations['land-office']).toEqual({ officers: 19, hours: VN_DEFAULT_OFFICE_HOURS });
    expect({ ...more.stations, 'land-office': undefined }).toEqual({ ...baseline.stations, 'land-office': undefined });
    expect(more.procedures).toEqual(baseline.procedures);
    expect(more.seed).toBe(baseline.seed);
    expect(utilisationOf(more)['land-office']).toBeLessThan(utilisationOf(baseline)['land-office']!);
  });

  it('registers household businesses on version 2025.1 and sends more dossiers online in "2025 reform"', () => {
    const reform = scenario.variants.find((v) => v.name === '2025 reform')!.config;
    const household = procedureOf(reform, 'household-business-registration');
    expect([household.spec.version, household.spec.level]).toEqual(['2025.1', 'commune']);
    expect(household.channels).toEqual([{ value: 'in-person', p: 0.6 }, { value: 'online', p: 0.4 }]);
    // The baseline's step behaviour carries over to the steps that 2025.1 keeps; "review" is gone.
    expect(Object.keys(household.steps)).toEqual(['examine', 'issue']);
    expect(household.steps['examine']).toEqual(procedureOf(baseline, 'household-business-registration').steps['examine']);
    expect(household.stationOf).toEqual({ desk: 'district-desk', division: 'district-finance' });
    for (const p of baseline.procedures) expect(online(procedureOf(reform, p.spec.id))).toBeGreaterThan(online(p));
    expect(reform.stations).toEqual(baseline.stations);
  });
});

describe('the M/M/c validation scenario', async () => {
  const { baseline } = await loadScenario(`${ROOT}simulations/mmc-validation.yaml`);

  it('runs one single-step procedure round the clock, exponential service, 3 officers at utilisation 0.8', () => {
    expect(baseline.calendar).toBe('24x7');
    expect(baseline.stations['server']).toEqual({ officers: 3, hours: ALWAYS_OPEN });
    const [single] = baseline.procedures;
    expect(single!.spec.id).toBe('single-step');
    expect(single!.spec.receipt).toMatchObject({ channels: ['online'], handover: 'immediate' });
    expect(single!.arrivals).toEqual({ kind: 'poisson', perDay: 57.6, weekdays: [1, 1, 1, 1, 1, 1, 1], hours: Array(24).fill(1) });
    expect(single!.steps).toEqual({ serve: { duration: { kind: 'exponential', mean: 1 }, supplement: 0, refusal: 0 } });
    expect(single!.stationOf).toEqual({ desk: 'desk', office: 'server' });
    const server = stationLoad(baseline).find((l) => l.station === 'server')!;
    expect(server.capacityHoursPerDay).toBe(72);
    expect(server.utilisation).toBeCloseTo(0.8, 12);
  });
});

describe('the replay example', async () => {
  const { baseline } = await loadScenario(`${ROOT}simulations/replay-example.yaml`);

  it('replays the 30 receipt instants of the CSV, in order', () => {
    const arrivals = baseline.procedures[0]!.arrivals;
    if (arrivals.kind !== 'replay') throw new Error('expected replayed arrivals');
    expect(arrivals.instants).toHaveLength(30);
    expect(arrivals.instants[0]).toBe(parseInstant('2025-03-03T08:05'));
    expect(arrivals.instants[29]).toBe(parseInstant('2025-03-14T11:40'));
  });
});

describe('simulations/README.md', () => {
  it('gives a complete example that loads as written', async () => {
    const readme = readFileSync(`${ROOT}simulations/README.md`, 'utf8');
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const scenario = await parse(blocks[blocks.length - 1]!);
    expect(scenario.variants.map((v) => v.name)).toEqual(['a third civil-status officer', 'online first']);
    expect(scenario.variants[1]!.config.procedures[1]!.arrivals).toMatchObject({ perDay: 9 });
  });
});

describe('a scenario written inline', () => {
  it('types dossier values by their field and reads unquoted YAML keys', async () => {
    const s = await parse(edit('{ "true": 0.25, "false": 0.75 }', '{ true: 0.25, false: 0.75 }', edit('{ perDay: 10 }', '{ perDay: 10, hours: { 08: 2, 12: 0 } }')));
    const birth = s.baseline.procedures[0]!;
    expect(birth.dossier).toEqual({ needsVerification: [{ value: true, p: 0.25 }, { value: false, p: 0.75 }] });
    expect(birth.arrivals).toMatchObject({ hours: [0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0] });
  });

  it('fills in every default', async () => {
    const { baseline } = await parse(BASE);
    expect(baseline).toMatchObject({
      warmupDays: 0,
      replications: 5,
      calendar: 'vn',
      discipline: 'fcfs',
      drain: false,
      apologyExtensionDays: 5,
      applicantResponse: { kind: 'uniform', min: 1, max: 5 },
      transfer: { 'in-person': { kind: 'triangular', min: 1, mode: 4, max: 8 }, online: { kind: 'fixed', value: 0 } },
    });
    expect(baseline.stations).toEqual({ desk: { officers: 1, hours: VN_DEFAULT_OFFICE_HOURS }, committee: { officers: 2, hours: VN_DEFAULT_OFFICE_HOURS } });
    const birth = baseline.procedures[0]!;
    expect(birth).toMatchObject({
      channels: [{ value: 'in-person', p: 1 }],
      incomplete: 0,
      withdrawal: 0,
      withdrawAfter: { kind: 'exponential', mean: 5 },
      receipt: { kind: 'fixed', value: 0.25 },
      stationOf: { desk: 'desk', committee: 'committee' },
    });
    expect(birth.steps['sign']).toEqual({ duration: { kind: 'fixed', value: 1 }, supplement: 0, refusal: 0 });
  });

  it('replays a CSV given by the injected reader: header and comments skipped, sorted, only inside the horizon', async () => {
    const csv = 'receivedAt\n# a comment\n2025-01-08T09:30\n2025-01-06T08:00\n\n2025-03-01T08:00\n';
    const s = await parse(edit('{ poisson: { perDay: 10 } }', '{ replay: log.csv }'), async (name) => (name === 'log.csv' ? csv : ''));
    expect(s.baseline.procedures[0]!.arrivals).toEqual({ kind: 'replay', instants: [parseInstant('2025-01-06T08:00'), parseInstant('2025-01-08T09:30')] });
  });

  it('derives new shares for a variant through deriveVariant', async () => {
    const s = await parse(`${BASE}variants:\n  - name: faster\n    procedures: { birth-registration: { shares: { verify: 1wd } } }\n`);
    const spec = s.variants[0]!.config.procedures[0]!.spec;
    expect(spec.version).toBe('2016.1 (faster)');
    expect(JSON.stringify(spec.flow)).toContain('"id":"verify","agency":"committee"');
    const verify = spec.flow[0]!.kind === 'branch' ? spec.flow[0]!.cases[0]!.flow[0] : undefined;
    expect(verify).toMatchObject({ id: 'verify', share: '1wd' });
  });
});

describe('errors say where and how to fix', () => {
  const KNOWN_IDS =
    'birth-registration, birth-residence-insurance, construction-permit-house, death-registration, death-residence-funeral, enterprise-registration, household-business-registration, investment-registration, judicial-record, land-use-right-first, marriage-registration, passport, permanent-residence, temporary-residence';

  it.each([
    [
      'an unknown procedure',
      edit('procedure: birth-registration', 'procedure: birth-registraton'),
      'unknown-procedure',
      ['procedures', 0, 'procedure'],
      `"birth-registraton" is neither a file nor a procedure of the catalogue. Known ids: ${KNOWN_IDS}. Fix the name, or give a procedure file relative to the scenario.`,
    ],
    [
      'probabilities that do not add up to 1',
      edit('"false": 0.75', '"false": 0.7'),
      'bad-probabilities',
      ['procedures', 0, 'dossier', 'needsVerification'],
      'the probabilities add up to 0.95 (true 0.25 + false 0.7), not 1. Change them so that they sum to 1.',
    ],
    [
      'a step with no duration',
      edit('default: { duration: { fixed: 1 } }', 'register: { duration: { fixed: 1 } }'),
      'missing-duration',
      ['procedures', 0, 'steps'],
      'step "verify" of birth-registration@2016.1 has no duration. Add steps: { verify: { duration: { triangular: [1, 2, 4] } } } in working hours, or a duration under steps.default for every step.',
    ],
    [
      'a dossier field a branch tests, with no values',
      edit('    dossier:\n      needsVerification: { "true": 0.25, "false": 0.75 }\n', ''),
      'missing-field',
      ['procedures', 0, 'dossier'],
      'branch "verification" of birth-registration@2016.1 tests the dossier field "needsVerification", but no values are given for it. Add dossier: { needsVerification: { "true": 0.1, "false": 0.9 } } with the share of dossiers having each value.',
    ],
    [
      'a triangular distribution out of order',
      edit('{ fixed: 1 }', '{ triangular: [4, 2, 1] }'),
      'bad-distribution',
      ['procedures', 0, 'steps', 'default', 'duration', 'triangular'],
      'triangular [4, 2, 1] is out of order. Write [min, mode, max] with min ≤ mode ≤ max, e.g. [1, 2, 4].',
    ],
    [
      'an agency mapped to an unknown station',
      `${BASE}    stations: { committee: justice }\n`,
      'unknown-station',
      ['procedures', 0, 'stations', 'committee'],
      'unknown station "justice". Declared stations: desk, committee. Declare it under stations or fix the name.',
    ],
    [
      'an agency whose default station is not declared',
      edit('committee: { officers: 2 }', 'civil-status: { officers: 2 }'),
      'unknown-station',
      ['procedures', 0, 'stations'],
      'agency "committee" of birth-registration@2016.1 works at the station "committee", which is not declared. Map it to a station, stations: { committee: <station id> }, or declare "committee" under stations. Declared stations: desk, civil-status.',
    ],
    [
      'a YAML syntax error',
      edit('  committee: { officers: 2 }', ' committee: { officers: 2 }'),
      'syntax',
      [],
      'line 7, column 1: All mapping items must start at the same column. Indent the keys of one mapping by the same number of spaces, and close every [ and {.',
    ],
    [
      'an unknown key',
      edit('seed: 1', 'seed: 1\nreplicatons: 3'),
      'invalid',
      ['replicatons'],
      'unknown key "replicatons". Allowed here: name, start, horizon, warmup, replications, seed, calendar, discipline, drain, applicantResponse, transfer, apologyExtensionDays, stations, procedures, variants, feedback. Remove it or fix its name.',
    ],
    [
      'an unknown key inside a distribution',
      edit('{ fixed: 1 }', '{ fixd: 1 }'),
      'invalid',
      ['procedures', 0, 'steps', 'default', 'duration', 'fixd'],
      'unknown key "fixd". Allowed here: fixed, uniform, triangular, exponential, lognormal, empirical. Remove it or fix its name.',
    ],
    ['a missing required key', edit('seed: 1\n', ''), 'invalid', ['seed'], '"seed" is missing. Add seed: a whole number.'],
    ['a horizon in weeks', edit('horizon: 28d', 'horizon: 4 weeks'), 'bad-duration', ['horizon'], '"4 weeks" is not a whole number of calendar days. Write the horizon as e.g. 365d.'],
    [
      'a horizon past the years the calendar covers',
      edit('start: 2025-01-06', 'start: 2100-12-20'),
      'bad-date',
      ['horizon'],
      'the scenario runs from 2100-12-20 to 2101-01-16, but the working calendar covers 2008–2100. Move start or shorten horizon.',
    ],
    ['a date that does not exist', edit('start: 2025-01-06', 'start: 2025-02-30'), 'bad-date', ['start'], '"2025-02-30" is not a date: 2025-02 has 28 days. Write YYYY-MM-DD.'],
    [
      'a channel the procedure does not offer',
      edit('    steps:', '    channels: { postal: 1 }\n    steps:'),
      'unknown-channel',
      ['procedures', 0, 'channels', 'postal'],
      'birth-registration@2016.1 does not receive dossiers by post; it offers in-person, online. Remove "postal" and give its share to those.',
    ],
    [
      'a step the procedure does not have',
      edit('default: { duration: { fixed: 1 } }', 'default: { duration: { fixed: 1 } }\n      approve: { refusal: 0.1 }'),
      'unknown-step',
      ['procedures', 0, 'steps', 'approve'],
      'birth-registration@2016.1 has no step "approve". Its steps: verify, register, sign. Fix the name, or use default for every step.',
    ],
    [
      'a variant changing an undeclared station',
      `${BASE}variants:\n  - name: v\n    stations: { clerks: { officers: 2 } }\n`,
      'unknown-station',
      ['variants', 0, 'stations', 'clerks'],
      'unknown station "clerks". Declared stations: desk, committee. A variant changes declared stations only: declare it under stations, or fix the name.',
    ],
    [
      'a variant naming a procedure the baseline lacks',
      `${BASE}variants:\n  - name: v\n    procedures: { passport: { perDay: 2 } }\n`,
      'unknown-procedure',
      ['variants', 0, 'procedures', 'passport'],
      'the baseline has no procedure "passport". Its procedures: birth-registration. Name one of them by its id.',
    ],
    [
      'office hours that close before they open',
      edit('desk: { officers: 1 }', 'desk: { officers: 1, hours: { id: x, versions: [{ validFrom: "2020-01-01", seasons: [{ from: "01-01", shifts: ["17:00-08:00"] }] }] } }'),
      'bad-office-hours',
      ['stations', 'desk', 'hours', 'versions', 0, 'seasons', 0, 'shifts', 0],
      '"17:00-08:00" is not an opening period. Write HH:MM-HH:MM with the start before the end, e.g. 07:30-11:30.',
    ],
  ])('%s', async (_, text, code, path, message) => {
    expect(await problemOf(text)).toEqual({ code, path, message });
  });

  it('names the CSV line of a bad replayed instant, without quoting the line (the path may point at a file that is not a log)', async () => {
    const text = edit('{ poisson: { perDay: 10 } }', '{ replay: log.csv }');
    expect(await problemOf(text, async () => '2025-01-06T08:00\n2025-01-07 8h\n')).toEqual({
      code: 'bad-replay',
      path: ['procedures', 0, 'arrivals', 'replay'],
      message: 'log.csv line 2: the first column is not a receipt instant. Write one instant per line as YYYY-MM-DDTHH:MM (Vietnamese time), e.g. 2025-01-06T08:15.',
    });
  });
});

describe('stationLoad', () => {
  const TINY = `name: load
start: 2025-01-06
horizon: 28d
seed: 1
stations:
  desk: { officers: 2 }
  committee: { officers: 5 }
  district: { officers: 1, hours: 24x7 }
procedures:
  - procedure: birth-registration
    arrivals: { poisson: { perDay: 10, weekdays: { mon: 1.5, fri: 0.5 } } }
    dossier: { needsVerification: { "true": 0.25, "false": 0.75 } }
    incomplete: 0.5
    receipt: { fixed: 0.5 }
    steps:
      default: { duration: { fixed: 1 }, supplement: 0.25 }
      verify: { duration: { uniform: [3, 5] } }
  - procedure: construction-permit-house
    arrivals: { poisson: { perDay: 2 } }
    receipt: { fixed: 1 }
    steps: { default: { duration: { fixed: 2 } } }
    answers: { opinions: { duration: { fixed: 2 }, silence: 0.5 } }
    stations: { permitting: district, landDivision: district, commune: district, districtCommittee: district }
`;

  it('adds up arrivals × expected work per case, over officers × working hours', async () => {
    const { baseline } = await parse(TINY);
    // desk: births 10/day × 0.5 h × (1 + 0.5 incomplete) = 7.5, permits 2 × 1 h = 2; 9.5 h of 2 × 8 h.
    // committee: 10/day × (register 1 + sign 1 + 0.25 × verify 4) × (1 + 0.25 supplement) = 37.5 h of 5 × 8 h.
    // district: 2/day × (appraise 2 + sign 2 + 2 consulted × 2 h × (1 − 0.5 silence)) = 12 h of 1 × 24 h.
    expect(stationLoad(baseline)).toEqual([
      { station: 'desk', offeredHoursPerDay: 9.5, capacityHoursPerDay: 16, utilisation: 0.59375 },
      { station: 'committee', offeredHoursPerDay: 37.5, capacityHoursPerDay: 40, utilisation: 0.9375 },
      { station: 'district', offeredHoursPerDay: 12, capacityHoursPerDay: 24, utilisation: 0.5 },
    ]);
  });

  it('reaches 1 or more when a station cannot keep up', async () => {
    const { baseline } = await parse(edit('committee: { officers: 5 }', 'committee: { officers: 4 }', TINY));
    expect(stationLoad(baseline)[1]).toEqual({ station: 'committee', offeredHoursPerDay: 37.5, capacityHoursPerDay: 32, utilisation: 1.171875 });
  });
});
