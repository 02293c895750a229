import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/engine/memory-store.ts';
import { StoreError } from '../../src/errors.ts';
import { storeFault } from '../../src/engine/sqlite-store.ts';
import { langOfAccept } from '../../src/server/problem.ts';
import { runCli } from '../support/cli.ts';
import { englishIn, expectMistakeInVietnamese } from '../support/english-words.ts';
import { tinySpec } from '../support/specs.ts';
import { TOKENS, bearer, testClock, testServer } from '../server/support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = `${ROOT}test-artifacts/i18n-service`;
mkdirSync(dir, { recursive: true });

describe('the case command tells its mistakes in Vietnamese with --lang vi, on one line, exit 2', () => {
  const db = `${dir}/cases.db`;
  const request = JSON.stringify({ procedure: 'birth-registration', receivedAt: '2025-09-01T09:00', channel: 'in-person', by: 'desk', dossier: { needsVerification: false } });
  /** Names the user types (subcommands, event types) and a parser's own reason in parentheses are data, not labels. */
  const dataLeftOut = (err: string) => err.replace(/open, send, show, list, tick, log, form/, '').replace(/\b[A-Z_]{3,}\b/g, '').replace(/\([^)]*\)/, '').replace(/các trường là [^\n]*/, '');
  const labels = (err: string) => englishIn(dataLeftOut(err));

  it('opens a case to make the other mistakes against', async () => {
    const { code, err } = await runCli(['case', 'open', '--db', db, request]);
    expect([code, err]).toEqual([0, '']);
  });

  const mistakes: readonly [string, readonly string[], string][] = [
    ['an unknown subcommand', ['--lang', 'vi', 'case', 'nope', '--db', 'x.db'], 'motcua: lệnh con "nope" của case không có: dùng open, send, show, list, tick, log, form. Chạy motcua case --help để xem cách dùng.'],
    ['no --db', ['--lang', 'vi', 'case', 'list'], 'motcua: case list cần --db <tệp.db>, tệp SQLite chứa hồ sơ.'],
    ['a database that is not there', ['--lang', 'vi', 'case', 'list', '--db', `${dir}/missing.db`], `motcua: ${dir}/missing.db: không có cơ sở dữ liệu hồ sơ này. Kiểm tra đường dẫn, hoặc tạo bằng motcua case open --db <tệp> <yêu cầu>.`],
    ['a wrong number of arguments', ['--lang', 'vi', 'case', 'show', '--db', db], 'motcua: case show nhận 1 đối số, không phải 0. Chạy motcua case --help để xem cách dùng.'],
    ['a status code out of range', ['--lang', 'vi', 'case', 'list', '--db', db, '--status', '12'], 'motcua: --status: --status nhận các mã trạng thái một cửa từ 1 đến 10, cách nhau bằng dấu phẩy (ví dụ 4,5), không phải "12".'],
    ['a case that is not in the store', ['--lang', 'vi', 'case', 'show', '--db', db, 'NOPE-1'], `motcua: ${db}: không có hồ sơ "NOPE-1" trong kho. Kiểm tra mã (liệt kê hồ sơ để xem).`],
    ['a request that is not JSON', ['--lang', 'vi', 'case', 'open', '--db', db, '{oops'], 'motcua: <request>: không phải JSON ('],
    ['a request with an unknown field', ['--lang', 'vi', 'case', 'open', '--db', db, '{"procedure":"birth-registration","receivedAt":"2025-09-01T09:00","channel":"in-person","by":"desk","colour":1}'], 'motcua: <request>: trường "colour" không có; các trường là '],
    ['a request with a wrong type', ['--lang', 'vi', 'case', 'open', '--db', db, '{"procedure":7,"receivedAt":"2026-03-02T09:00","channel":"in-person","by":"desk"}'], 'motcua: <request>: procedure: Đầu vào không hợp lệ: mong đợi chuỗi, nhận được số. Một yêu cầu có dạng'],
    ['an expected version that is not a number', ['--lang', 'vi', 'case', 'send', '--db', db, 'X', '{"type":"TRANSFER","at":"2026-03-02T10:00","by":"desk"}', '--expect-version', 'two'], 'motcua: --expect-version: --expect-version phải là số nguyên (phiên bản ở câu trả lời gần nhất), không phải "two".'],
  ];
  it.each(mistakes)('%s', async (_what, argv, start) => {
    await expectMistakeInVietnamese(argv, start, dataLeftOut);
  });

  it('says the same mistakes in English without --lang vi', async () => {
    const { err } = await runCli(['case', 'list', '--db', db, '--status', '12']);
    expect(err).toBe('motcua: --status: --status takes one-stop status codes 1–10 separated by commas (e.g. 4,5), not "12".\n');
  });

  it('a refused event: the reason in Vietnamese on standard error, exit 1, the JSON answer unchanged for scripts', async () => {
    const listed = await runCli(['case', 'list', '--db', db]);
    const caseId = (JSON.parse(listed.out) as { cases: { caseId: string }[] }).cases[0]!.caseId;
    const { code, out, err } = await runCli(['--lang', 'vi', 'case', 'send', '--db', db, caseId, '{"type":"RETURN_RESULT","at":"2025-09-01T10:00","by":"desk"}']);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ ok: false, error: { code: 'not-now' } });
    expect(err).toMatch(/^motcua: bị từ chối: lúc này không thể RETURN_RESULT \(/);
    expect(labels(err)).toEqual([]);
  });
});

describe('the stores say their faults in both languages', () => {
  it('a full disk, a lock and an unknown SQLite failure', () => {
    const fault = (code: string) => storeFault(Object.assign(new Error('x'), { code }), 'cases.db', 250) as StoreError;
    expect(fault('SQLITE_FULL').describe('vi')).toBe('cases.db: ổ đĩa chứa cơ sở dữ liệu hồ sơ đã đầy. Giải phóng dung lượng rồi thử lại. Chưa ghi gì.');
    expect(fault('SQLITE_BUSY').describe('vi')).toBe('cases.db: cơ sở dữ liệu hồ sơ bị một tiến trình ghi khác khóa quá 250 ms. Thử lại, hoặc dừng tiến trình kia. Chưa ghi gì.');
    expect(fault('SQLITE_MISUSE').describe('en')).toBe("cases.db: the case database failed (SQLITE_MISUSE). Try again; if it persists, check the file with sqlite3's integrity_check. Nothing was written.");
  });
});

describe('HTTP problem details in the language the client asks for (Accept-Language)', { timeout: 60_000 }, () => {
  it('reads Accept-Language: Vietnamese when preferred, English otherwise and by default', () => {
    expect(['vi', 'vi-VN,vi;q=0.9,en;q=0.8', 'en;q=0.5, vi;q=0.6', 'en-US,en;q=0.9', 'fr', '', undefined].map((h) => langOfAccept(h))).toEqual(['vi', 'vi', 'vi', 'en', 'en', 'en', 'en']);
  });

  async function setup() {
    const clock = testClock('2025-03-03T09:00');
    const app = await testServer(memoryStore(), [tinySpec()], clock.now);
    const opened = (await app.inject({ method: 'POST', url: '/api/cases', headers: bearer(TOKENS.desk), payload: { procedure: 'tiny', channel: 'in-person' } })).json() as { caseId: string };
    return { app, caseId: opened.caseId };
  }
  const vi = { 'accept-language': 'vi-VN,vi;q=0.9' };

  it('a missing token, an unknown endpoint, a forged actor, an unknown query parameter and an event not possible now', async () => {
    const { app, caseId } = await setup();
    const answers = await Promise.all([
      app.inject({ url: '/api/cases', headers: vi }),
      app.inject({ url: '/api/nothing', headers: vi }),
      app.inject({ method: 'POST', url: `/api/cases/${caseId}/events`, headers: { ...bearer(TOKENS.desk), ...vi }, payload: { type: 'TRANSFER', by: { kind: 'agency', agency: 'desk' } } }),
      app.inject({ url: '/api/cases?colour=red', headers: { ...bearer(TOKENS.desk), ...vi } }),
      app.inject({ method: 'POST', url: `/api/cases/${caseId}/events`, headers: { ...bearer(TOKENS.desk), ...vi }, payload: { type: 'RETURN_RESULT' } }),
    ]);
    expect(answers.map((a) => [a.statusCode, a.headers['content-language'], a.json().title, a.json().code])).toEqual([
      [401, 'vi', 'Chưa xác thực', 'unauthenticated'],
      [404, 'vi', 'Không tìm thấy', 'not-found'],
      [400, 'vi', 'Yêu cầu không hợp lệ', 'bad-event'],
      [400, 'vi', 'Yêu cầu không hợp lệ', 'bad-input'],
      [409, 'vi', 'Xung đột', 'not-now'],
    ]);
    const details = answers.map((a) => a.json().detail as string);
    expect(details.slice(0, 4)).toEqual([
      'điểm cuối này cần tiêu đề "Authorization: Bearer <token>" với một token có trong auth.yaml.',
      'không có điểm cuối GET /api/nothing. Danh sách điểm cuối ở /docs.',
      'bỏ "by" khỏi nội dung: người thực hiện lấy từ token.',
      'tham số truy vấn "colour" không có; xem /docs để biết các tham số được nhận.',
    ]);
    expect(details[4]).toMatch(/^lúc này không thể RETURN_RESULT \(/);
    // Event types (TRANSFER, WITHDRAW) are what the client sends: data, not labels.
    for (const detail of details) expect(englishIn(detail.replace(/\b[A-Z_]{3,}\b/g, '')), detail).toEqual([]);
  });

  it('answers in English to a client that does not ask, as before', async () => {
    const { app } = await setup();
    const answer = await app.inject({ url: '/api/nothing' });
    expect([answer.headers['content-language'], answer.json()]).toEqual([
      'en',
      { type: 'urn:motcua:problem:not-found', title: 'Not found', status: 404, detail: 'no endpoint GET /api/nothing. The endpoints are listed at /docs.', code: 'not-found', path: [] },
    ]);
  });
});

describe('the other inputs say their mistakes in Vietnamese too', () => {
  it('a procedure file that is not JSON names the line, the column and what to fix', async () => {
    const file = `${dir}/broken.json`;
    writeFileSync(file, '{"id": "x",\n  "version" 1}');
    const { code, err } = await runCli(['check', file, '--lang', 'vi']);
    expect(code).toBe(2);
    expect(err).toMatch(/: dòng 2, cột 13: cần ":" sau khóa, nhưng gặp "1"\. Sửa JSON tại đó: chuỗi và khóa trong dấu nháy kép, dấu phẩy giữa các phần tử, không có dấu phẩy sau phần tử cuối\.\n$/);
  });

  it('the calendar: working hours counted in the date mode, a lunar day the month does not have', async () => {
    const hours = await runCli(['calendar', 'add', '2025-03-03', '4wh', '--lang', 'vi']);
    expect([hours.code, hours.err]).toEqual([2, 'motcua: 4wh tính bằng giờ làm việc, cách tính theo ngày không đếm được. Hãy bắt đầu từ một giờ địa phương (YYYY-MM-DDTHH:MM) để tính theo giờ.\n']);
    const lunar = await runCli(['calendar', 'solar', '2025-02-30', '--lang', 'vi']);
    expect([lunar.code, lunar.err]).toEqual([2, 'motcua: ngày 30/2/2025 âm lịch không tồn tại: tháng đó có 29 ngày. Dùng ngày từ 1 đến 29, hoặc ngày 1 tháng sau cho ngày kế ngày 29.\n']);
    expect(englishIn(`${hours.err} ${lunar.err}`)).toEqual([]);
  });

  it('a complaint without its text, and one answered before it was filed', async () => {
    const { openComplaint, answerComplaint } = await import('../../src/indicators/complaint.ts');
    const { BusinessCalendar } = await import('../../src/calendar/business-calendar.ts');
    const { parseInstant } = await import('../../src/calendar/instant.ts');
    const calendar = new BusinessCalendar();
    const at = parseInstant('2025-03-14T09:00');
    const thrown = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as { describe(lang: 'vi' | 'en'): string }).describe('vi');
      }
      return 'nothing thrown';
    };
    expect(thrown(() => openComplaint({ id: 'PAKN-1', kind: 'feedback', dossier: 'D-1', text: ' ', at }, calendar))).toBe('text: phản ánh, kiến nghị cần có nội dung: nêu rõ về việc gì.');
    const c = openComplaint({ id: 'PAKN-1', kind: 'feedback', dossier: 'D-1', text: 'chậm', at }, calendar);
    expect(thrown(() => answerComplaint(c, { at: parseInstant('2025-03-13T09:00'), outcome: 'upheld', text: 'đã xử lý' }))).toBe('at: việc trả lời phản ánh PAKN-1 không thể trước thời điểm gửi phản ánh.');
  });
});
