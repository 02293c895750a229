import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/calendar/instant.ts';
import { compileProcedure } from '../../src/compile/compile.ts';
import { type Session, openSession, saveSession } from '../../src/tui/session.ts';
import { StepApp } from '../../src/tui/StepApp.tsx';
import { landUseRightFirst } from '../../procedures/land-use-right-first.ts';

const proc = compileProcedure(landUseRightFirst);
const tick = () => new Promise((resolve) => setTimeout(resolve, 300));

function app(lang: 'vi' | 'en' = 'en') {
  const saved: Session[] = [];
  const session = openSession(proc, { receivedAt: parseInstant('2025-03-03T09:00'), channel: 'in-person', dossier: { remoteCommune: false } });
  const r = render(<StepApp initial={session} lang={lang} color={false} onSave={(s) => (saved.push(s), 'Saved.')} />);
  const press = async (...keys: string[]) => {
    await tick(); // the input hook is attached after the first render
    for (const k of keys) {
      r.stdin.write(k);
      await tick();
    }
  };
  return { ...r, press, saved, frame: () => r.lastFrame() ?? '' };
}

const line = (frame: string, label: string) => frame.split('\n').find((l) => l.includes(label)) ?? '';

describe('motcua step, the terminal UI', () => {
  it('shows the procedure, its limit and legal basis, and what can be done at receipt', () => {
    const { frame } = app();
    expect(frame()).toContain('First registration and land-use-right certificate [land-use-right-first@2024.1, district]');
    expect(frame()).toContain('Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu · 20 working days, counted in whole days');
    expect(frame()).toContain('❯ 1 Desk accepts the complete dossier');
    expect(line(frame(), 'Status')).toContain('1 submitted');
  });

  it('accepting sets the due date; a supplement pauses the clock and moves the due date when the papers come', async () => {
    const { press, frame } = app();
    await press('1', '\r');
    expect(line(frame(), 'Due')).toContain('end of 31/03/2025');
    await press('1', '\r'); // transfer
    await press('d'); // a working day passes at the commune
    // The commune asks for a supplement: 2 selects it, Enter opens a form for the missing papers, Enter sends.
    expect(frame()).toContain('2 Commune People’s Committee requests a sup');
    await press('2', '\r', '\r');
    expect(line(frame(), 'Status')).toContain('5 supplement requested');
    expect(line(frame(), 'Clock ')).toContain('paused: supplement:verify-origin');
    await press('d', 'd'); // two working days waiting for papers
    await press('1', '\r'); // the applicant brings them
    expect(line(frame(), 'Due')).toContain('end of 02/04/2025');
    expect(line(frame(), 'Clock ')).toContain('running');
  });

  it('undo and redo move through the snapshots; w explains the due date', async () => {
    const { press, frame } = app();
    await press('1', '\r');
    expect(line(frame(), 'Status')).toContain('2 received');
    await press('u');
    expect(line(frame(), 'Status')).toContain('1 submitted');
    await press('r');
    expect(line(frame(), 'Status')).toContain('2 received');
    await press('w');
    expect(frame()).toContain('Why this due date?');
    expect(frame()).toContain('the day of receipt is not counted (Civil Code 2015 Art. 147)');
  });

  it('speaks Vietnamese, and saves the session through the host', async () => {
    const { press, frame, saved } = app('vi');
    expect(frame()).toContain('Có thể làm');
    expect(frame()).toContain('❯ 1 Một cửa tiếp nhận hồ sơ đầy đủ (giấy hẹn)');
    await press('s');
    expect(saved).toHaveLength(1);
    expect(saveSession(saved[0]!).procedure).toEqual({ id: 'land-use-right-first', version: '2024.1' });
    expect(frame()).toContain('Saved.');
  });

  it('selects with a digit and acts only on Enter', async () => {
    const { press, frame } = app();
    await press('2');
    expect(line(frame(), 'Status')).toContain('1 submitted');
    expect(frame()).toMatch(/❯ 2 /);
    await press('1', '\r');
    expect(line(frame(), 'Status')).toContain('2 received');
  });

  it('asks for a written reason and a confirmation before a refusal, with nothing prefilled', async () => {
    const { press, frame } = app();
    const refuse = frame().split('\n').find((l) => l.includes('Desk refuses the dossier at receipt'))!;
    const digit = /(\d) Desk refuses/.exec(refuse)![1]!;
    await press(digit, '\r');
    expect(frame()).toContain('Reasons: ▏ (Enter to send, Esc to cancel)');
    await press('\r');
    expect(frame()).toContain('— write the reason first');
    expect(line(frame(), 'Status')).toContain('1 submitted');
    await press('n', 'o', ' ', 'I', 'D');
    await press('\r');
    expect(frame()).toContain('Desk refuses the dossier at receipt: “no ID”. Enter again to confirm, Esc to cancel.');
    expect(line(frame(), 'Status')).toContain('1 submitted');
    await press('\r');
    expect(line(frame(), 'Status')).toContain('3 not received');
  });
});
