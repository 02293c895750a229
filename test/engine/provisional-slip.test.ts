import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { tinySpec } from '../support/specs.ts';
import { TOKENS, bearer, testClock, testServer } from '../server/support.ts';
import { at, desk, tempDir } from './support.ts';

const tiny = tinySpec();
const open = (receivedAt: string) => ({ procedure: 'tiny', channel: 'in-person' as const, receivedAt: at(receivedAt), by: desk });
const TET_2027 = 'skipped 04/02/2027–10/02/2027: weekly rest; Tết (Lunar New Year), Labor Code 2019 (45/2019/QH14) Art. 112; provisional: no official announcement for Tết 2027';

describe('the appointment slip of a due date that rests on days not yet announced', () => {
  it('is marked provisional when the limit runs over Tết 2027, with the line that names the missing announcement', async () => {
    const store = memoryStore();
    const opened = await createEngine({ procedures: [tiny], store }).open(open('2027-02-03T09:00'));
    expect(opened.slip?.dueText.en).toBe('end of Monday 15/02/2027');
    expect(opened.slip?.provisional).toBe(true);
    expect(opened.slip?.explanation.filter((l) => l.provisional === true).map((l) => l.text.en)).toEqual([TET_2027]);
    expect(opened.slip?.explanation.find((l) => l.provisional === true)?.text.vi).toBe('bỏ qua 04/02/2027–10/02/2027: nghỉ hằng tuần; Tết Âm lịch, Bộ luật Lao động 2019 (45/2019/QH14) Điều 112; tạm tính: chưa có thông báo chính thức về Tết Âm lịch 2027');
    await store.close();
  });

  it('carries no flag when the Tết it runs over was officially announced (2026)', async () => {
    const store = memoryStore();
    const opened = await createEngine({ procedures: [tiny], store }).open(open('2026-02-13T09:00'));
    expect(opened.slip?.dueText.en).toBe('end of Wednesday 25/02/2026');
    expect(opened.slip !== null && 'provisional' in opened.slip).toBe(false);
    await store.close();
  });

  it('is in the JSON of motcua case open', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tiny.json'), JSON.stringify(tiny));
    let out = '';
    const io = { out: (t: string) => (out += t), err: () => undefined, env: {}, now: () => Date.UTC(2027, 1, 3, 2, 0), readStdin: async () => '' };
    const code = await run(['case', 'open', '--db', join(dir, 'cases.db'), '--procedures', join(dir, 'tiny.json'), '{"procedure":"tiny","receivedAt":"2027-02-03T09:00","channel":"in-person","by":"desk"}'], io);
    expect(code).toBe(0);
    const slip = (JSON.parse(out) as { slip: { due: string; provisional?: boolean } }).slip;
    expect([slip.due, slip.provisional]).toEqual(['2027-02-16T00:00+07:00', true]);
  });

  it('is in the HTTP answer to opening a case', async () => {
    const store = memoryStore();
    const clock = testClock('2027-02-03T09:00');
    const app = await testServer(store, [tiny], clock.now);
    const opened = await app.inject({ method: 'POST', url: '/api/cases', headers: bearer(TOKENS.desk), payload: { procedure: 'tiny', channel: 'in-person' } });
    expect(opened.statusCode).toBe(201);
    const slip = opened.json().slip as { dueText: { en: string }; provisional?: boolean; explanation: { text: { en: string } }[] };
    expect([slip.dueText.en, slip.provisional]).toEqual(['end of Monday 15/02/2027', true]);
    expect(slip.explanation.map((l) => l.text.en)).toContain(TET_2027);
    await app.close();
  });
});
