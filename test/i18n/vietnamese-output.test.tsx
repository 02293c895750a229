import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/calendar/instant.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import { EN, VI } from '../../src/i18n/messages.ts';
import { LABELS } from '../../src/report/labels.ts';
import { openSession } from '../../src/tui/session.ts';
import { StepApp } from '../../src/tui/StepApp.tsx';
import { landUseRightFirst } from '../../procedures/land-use-right-first.ts';
import { CATALOGUE_DIR, loadProcedures } from '../../src/node/load-procedures.ts';
import { runCli } from '../support/cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = `${ROOT}test-artifacts/i18n`;
mkdirSync(dir, { recursive: true });

/** Every string of a labels tree, functions called with markers. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const r = (value as (...a: unknown[]) => unknown)(...Array.from({ length: value.length }, () => ''));
    return typeof r === 'string' ? [r] : [];
  }
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(texts);
  return [];
}

const words = (text: string) => new Set([...text.replace(/\{\w+\}/g, ' ').toLowerCase().matchAll(/\p{L}{4,}/gu)].map((m) => m[0]));
const viWords = words([...Object.values(VI), ...texts(LABELS.vi)].join(' '));
/** The English catalogue's words that Vietnamese never uses: their presence means an untranslated label. */
const ENGLISH = [...words([...Object.values(EN), ...texts(LABELS.en)].join(' '))].filter((w) => !viWords.has(w));

/** Agency and station ids of the catalogue and the scenarios used here: data, not labels. */
const { procedures } = await loadProcedures([CATALOGUE_DIR]);
const IDS = new Set([...procedures.flatMap((p) => Object.keys(p.spec.agencies)), 'desk', 'server', 'office' /* mmc-validation's agency */].map((id) => id.toLowerCase()));

/** Names that are data, not labels: ids, paths, DSL durations, legal citations (kept as the law names them). */
function labelsOnly(output: string): string {
  return output
    .replace(/\S*\/\S*/g, ' ') // paths
    .replace(/\p{L}+/gu, (w) => (IDS.has(w.toLowerCase()) ? ' ' : w))
    .replace(/\b[\w.@=-]*[-@=_.][\w.@=-]*\b/g, ' ') // ids such as land-use-right-first, remoteCommune=otherwise, 2024.1
    .replace(/\b[a-z]+[A-Z]\w*\b/g, ' ') // camelCase ids such as landOffice
    .replace(/\((?:desk|commune|tax|issuer|justice|police|committee|server)\)/g, ' ')
    .replace(/\b(?:Decree|Law|Land|Civil|Code|Circular|Decision)\b[^\n—;]*/g, ' '); // citations
}

function englishIn(output: string): string[] {
  const found = words(labelsOnly(output));
  return ENGLISH.filter((w) => found.has(w));
}

describe('with --lang vi no English label is printed', () => {
  it('has English words to look for', () => {
    expect(ENGLISH).toEqual(expect.arrayContaining(['limit', 'received', 'steps', 'working']));
  });

  it('explain', async () => {
    const { code, out } = await runCli(['--lang', 'vi', 'explain', 'land-use-right-first', '--received', '2025-03-03T09:00', '--dossier', '{"remoteCommune":false}']);
    expect(code).toBe(0);
    expect(englishIn(out)).toEqual([]);
  });

  it('list', async () => {
    const { code, out } = await runCli(['list', '--lang', 'vi']);
    expect(code).toBe(0);
    expect(englishIn(out)).toEqual([]);
  });

  it('check', async () => {
    const { out } = await runCli(['check', `${ROOT}procedures/birth-registration.ts`, '--lang', 'vi', '--seed', '1', '--runs', '5']);
    expect(out).toContain('đạt');
    expect(englishIn(out)).toEqual([]);
  }, 300_000);

  it('simulate and report --summary', async () => {
    const sim = await runCli(['simulate', `${ROOT}simulations/mmc-validation.yaml`, '--replications', '1', '--lang', 'vi']);
    expect(sim.code).toBe(0);
    expect(englishIn(sim.out)).toEqual([]);
    const report = await runCli(['report', `${ROOT}simulations/mmc-validation.yaml`, '--replications', '1', '--summary', '--lang', 'vi', '-o', `${dir}/mmc.html`]);
    expect(report.code).toBe(0);
    expect(englishIn(report.out)).toEqual([]);
  }, 300_000);

  it('the stepper', async () => {
    const proc = compileProcedure(landUseRightFirst);
    const session = openSession(proc, { receivedAt: parseInstant('2025-03-03T09:00'), channel: 'in-person', dossier: { remoteCommune: false } });
    const r = render(<StepApp initial={session} lang="vi" color={false} onSave={() => ''} />);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const frame = r.lastFrame() ?? '';
    expect(englishIn(frame), frame).toEqual([]);
    // And after acting, moving the clock and undoing: the messages and the clock's units too.
    for (const key of ['1', '\r', '1', '\r', 'd', 'u', 'n']) {
      r.stdin.write(key);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const now = r.lastFrame() ?? '';
      expect(englishIn(now), `after ${JSON.stringify(key)}:\n${now}`).toEqual([]);
    }
    expect(r.lastFrame()).toContain('Đã dùng    19 / 20 ngày làm việc, còn 1');
    expect(r.lastFrame()).toContain('Đồng hồ đến mốc tới → đến hạn xin lỗi');
    expect(r.lastFrame()).toContain('Mốc tới    quá hạn 01/04 00:00');
    r.unmount();
  });
});
