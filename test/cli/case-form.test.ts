import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { tinySpec } from '../support/specs.ts';
import { tempDir } from '../engine/support.ts';

let dir: string;
let db: string;
let procedures: string;

beforeEach(() => {
  dir = tempDir();
  db = join(dir, 'cases.db');
  procedures = join(dir, 'procedures');
  mkdirSync(procedures);
  const spec = tinySpec({ effectiveFrom: '2016-01-01' });
  writeFileSync(join(procedures, 'tiny.json'), JSON.stringify({ ...spec, receipt: { ...spec.receipt, channels: ['in-person', 'postal'] } }));
});

async function motcua(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), env: {}, now: () => Date.UTC(2026, 11, 1), readStdin: async () => '' };
  const code = await run(['case', args[0]!, '--db', db, '--procedures', procedures, '--only', ...args.slice(1)], io);
  return { code, out, err };
}

/** Opens a tiny case at unit H33 and sends the events, each as JSON; returns its code. */
async function stored(receivedAt: string, events: readonly object[] = [], open: object = {}): Promise<string> {
  const opened = await motcua('open', JSON.stringify({ procedure: 'tiny', receivedAt, channel: 'postal', by: 'desk', ...open }), '--unit', '000.00.12.H33');
  expect(opened.err).toBe('');
  const code = JSON.parse(opened.out).code as string;
  for (const event of events) {
    const sent = await motcua('send', code, JSON.stringify(event));
    expect(sent.err).toBe('');
  }
  return code;
}

const form = async (code: string, name: string) => {
  const r = await motcua('form', code, name, '--text');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return r.out.split('\n');
};

const BLANK = '……………………………………';
const HEADING = ['One-stop desk', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập - Tự do - Hạnh phúc', ''];

describe('motcua case form', () => {
  it('fills the receipt form of Circular 01/2018 from a case received in 2024, every line from the record and the rest blank', async () => {
    const code = await stored('2024-03-04T09:00');
    expect(code).toBe('000.00.12.H33-240304-0001');
    expect(await form(code, '01')).toEqual([
      'Mẫu số 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Ban hành kèm theo Thông tư 01/2018/TT-VPCP)',
      ...HEADING,
      'Mã hồ sơ: 000.00.12.H33-240304-0001',
      'Tên thủ tục hành chính: Tiny',
      `Tên tổ chức, cá nhân nộp hồ sơ: ${BLANK}`,
      `Địa chỉ: ${BLANK}`,
      `Số điện thoại: ${BLANK}`,
      `Thư điện tử: ${BLANK}`,
      'Hình thức nộp: 3 – Qua bưu chính công ích',
      'Thời gian giải quyết theo quy định: 3 ngày làm việc',
      'Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 04 tháng 03 năm 2024',
      'Thời gian trả kết quả: hết ngày 07 tháng 03 năm 2024',
      'Tình trạng: 2 – Được tiếp nhận',
      '',
      `Người nộp hồ sơ (ký, ghi rõ họ tên): ${BLANK}`,
      `Người tiếp nhận hồ sơ (ký, ghi rõ họ tên): ${BLANK}`,
      '',
    ]);
  });

  it('prints it as an A5 page in Vietnamese, blanks as dotted lines, to the file given with -o', async () => {
    const code = await stored('2024-03-04T09:00');
    const file = join(dir, 'receipt.html');
    expect(await motcua('form', code, 'receipt', '-o', file)).toEqual({ code: 0, out: '', err: '' });
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('@page { size: A5; margin: 12mm 12mm; }');
    expect(html).toContain('<h1>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</h1>');
    expect(html).toContain('<p class="field"><span class="label">Mã hồ sơ:</span> 000.00.12.H33-240304-0001</p>');
    expect(html).toContain('<p class="field"><span class="label">Địa chỉ:</span> <span class="blank"></span></p>');
    expect(html).toContain('<p class="form-number">Mẫu số 01<br>(Ban hành kèm theo Thông tư 01/2018/TT-VPCP)</p>');
  });

  it('fills the completion request with the papers an agency asked for, and the apology slip with its reason and new date', async () => {
    const code = await stored('2024-03-04T09:00', [
      { type: 'TRANSFER', at: '2024-03-04T10:00', by: 'desk' },
      { type: 'APOLOGIZE', at: '2024-03-05T09:00', by: 'justice', newDue: '2024-03-12T17:00', reason: 'waiting for the police' },
      { type: 'REQUEST_SUPPLEMENT', at: '2024-03-05T10:00', by: 'justice', step: 'register', missing: ['birth certificate', 'photo'] },
    ]);
    expect((await form(code, 'completion-request')).slice(4)).toEqual([
      'Mã hồ sơ: 000.00.12.H33-240304-0001',
      'Tên thủ tục hành chính: Tiny',
      `Tên tổ chức, cá nhân nộp hồ sơ: ${BLANK}`,
      'Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 04 tháng 03 năm 2024',
      'Cơ quan yêu cầu: Justice officer',
      'Thời gian yêu cầu: 10 giờ 00 phút, ngày 05 tháng 03 năm 2024',
      'Nội dung yêu cầu bổ sung, hoàn thiện:',
      '  1. birth certificate',
      '  2. photo',
      '',
      `Người tiếp nhận hồ sơ (ký, ghi rõ họ tên): ${BLANK}`,
      '',
    ]);
    const apology = await form(code, '04');
    expect(apology[0]).toBe('Mẫu số 04 – Phiếu xin lỗi và hẹn lại ngày trả kết quả (Ban hành kèm theo Thông tư 01/2018/TT-VPCP)');
    expect(apology.slice(8, 13)).toEqual([
      'Thời gian hẹn trả kết quả: hết ngày 07 tháng 03 năm 2024',
      'Cơ quan xin lỗi: Justice officer',
      'Lý do: waiting for the police',
      'Thời gian hẹn trả kết quả lần sau: 17 giờ 00 phút, ngày 12 tháng 03 năm 2024',
      'Ngày lập: 09 giờ 00 phút, ngày 05 tháng 03 năm 2024',
    ]);
  });

  it('fills the refusal at receipt with the desk’s reasons, and leaves a refusal form of an accepted case blank', async () => {
    const refused = await stored('2024-03-04T09:00', [{ type: 'REFUSE', at: '2024-03-04T09:30', by: 'desk', reasons: ['not competent'] }], { accept: false });
    expect((await form(refused, '03')).slice(8, 13)).toEqual(['Cơ quan: One-stop desk', 'Thời gian: 09 giờ 30 phút, ngày 04 tháng 03 năm 2024', 'Lý do:', '  1. not competent', '']);
    const accepted = await stored('2024-03-04T10:00');
    expect((await form(accepted, '03')).slice(8, 12)).toEqual([`Cơ quan: ${BLANK}`, `Thời gian: ${BLANK}`, 'Lý do:', `  ${BLANK}`]);
  });

  it('fills the control slip line by line and the tracking book with one row', async () => {
    const code = await stored('2024-03-04T09:00', [
      { type: 'TRANSFER', at: '2024-03-04T10:00', by: 'desk' },
      { type: 'COMPLETE', at: '2024-03-05T10:00', by: 'justice', step: 'register' },
    ]);
    const slip = await form(code, 'control-slip');
    expect(slip[0]).toBe('Mẫu số 05 – Phiếu kiểm soát quá trình giải quyết hồ sơ (Ban hành kèm theo Thông tư 01/2018/TT-VPCP)');
    const rows = slip.join('\n').split('\n\n').slice(2);
    expect(rows.map((r) => r.split('\n').find((l) => l.startsWith('Nội dung: ')))).toEqual([
      'Nội dung: Nộp hồ sơ',
      'Nội dung: Tiếp nhận hồ sơ',
      'Nội dung: Chuyển hồ sơ',
      'Nội dung: Chuyển bước (register)',
      'Nội dung: Hoàn thành bước (register)',
      'Nội dung: Chuyển bước (residence)',
    ]);
    expect(rows[0]!.split('\n')).toEqual([
      'Tên cơ quan: One-stop desk',
      'Thời gian giao, nhận hồ sơ: 09 giờ 00 phút, ngày 04 tháng 03 năm 2024',
      'Bên giao: Người nộp hồ sơ',
      'Bên nhận: One-stop desk',
      'Nội dung: Nộp hồ sơ',
      `Kết quả giải quyết (trước hạn / đúng hạn / quá hạn): ${BLANK}`,
      'Ghi chú: Qua bưu chính công ích',
    ]);
    expect(rows[4]!.split('\n')[5]).toBe('Kết quả giải quyết (trước hạn / đúng hạn / quá hạn): Đúng hạn');
    const book = await form(code, '06');
    expect(book.slice(4, 16)).toEqual([
      '',
      'STT: 1',
      'Mã hồ sơ: 000.00.12.H33-240304-0001',
      'Tên thủ tục hành chính: Tiny',
      `Tên tổ chức, cá nhân nộp hồ sơ: ${BLANK}`,
      `Địa chỉ, số điện thoại: ${BLANK}`,
      'Cơ quan chủ trì giải quyết: Justice officer',
      'Ngày, giờ nhận hồ sơ: 09 giờ 00 phút, ngày 04 tháng 03 năm 2024',
      'Ngày, giờ hẹn trả kết quả: hết ngày 07 tháng 03 năm 2024',
      `Ngày, giờ có kết quả: ${BLANK}`,
      `Ngày, giờ trả kết quả: ${BLANK}`,
      `Ký nhận: ${BLANK}`,
    ]);
  });

  it('takes the seven forms of Circular 03/2025 for a case received in 2026: the stop notice of a refusal during processing', async () => {
    const code = await stored('2026-03-02T09:00', [
      { type: 'TRANSFER', at: '2026-03-02T10:00', by: 'desk' },
      { type: 'REFUSE', at: '2026-03-03T10:00', by: 'justice', step: 'register', reasons: ['the parent is not the applicant'] },
    ]);
    const notice = await form(code, 'stop-notice');
    expect(notice[0]).toBe('Mẫu số 05 – Thông báo dừng giải quyết hồ sơ (Ban hành kèm theo Thông tư 03/2025/TT-VPCP)');
    expect(notice.slice(8, 12)).toEqual(['Cơ quan: Justice officer', 'Thời gian: 10 giờ 00 phút, ngày 03 tháng 03 năm 2026', 'Lý do:', '  1. the parent is not the applicant']);
    expect((await form(code, '07'))[0]).toBe('Mẫu số 07 – Sổ theo dõi hồ sơ (Ban hành kèm theo Thông tư 03/2025/TT-VPCP)');
    expect((await form(code, '04'))[0]).toBe('Mẫu số 04 – Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (Ban hành kèm theo Thông tư 03/2025/TT-VPCP)');
  });

  it('gives the stop notice of a withdrawal the applicant’s request as its reason, and the desk that closed it', async () => {
    const code = await stored('2026-03-02T09:00', [
      { type: 'WITHDRAW', at: '2026-03-02T11:00', by: 'applicant', reason: 'moved away' },
      { type: 'WITHDRAW', at: '2026-03-02T14:00', by: 'desk' },
    ]);
    expect((await form(code, '05')).slice(8, 12)).toEqual([
      'Cơ quan: One-stop desk',
      'Thời gian: 14 giờ 00 phút, ngày 02 tháng 03 năm 2026',
      'Lý do:',
      '  1. Công dân yêu cầu rút hồ sơ lúc 11 giờ 00 phút, ngày 02 tháng 03 năm 2026: moved away',
    ]);
  });

  it('exits 2 naming the forms of the period for a form of another period or no form at all, and for a case received before any forms', async () => {
    const code = await stored('2024-03-04T09:00');
    const wrong = await motcua('form', code, 'stop-notice');
    expect([wrong.code, wrong.out]).toEqual([2, '']);
    expect(wrong.err).toBe(
      `motcua: form: "stop-notice" is not a form of Circular 01/2018/TT-VPCP, in force on 2024-03-04 when case ${code} was received. Give one of: 01 receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), 02 completion-request (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ), 03 refusal (Phiếu từ chối tiếp nhận giải quyết hồ sơ), 04 apology (Phiếu xin lỗi và hẹn lại ngày trả kết quả), 05 control-slip (Phiếu kiểm soát quá trình giải quyết hồ sơ), 06 tracking-book (Sổ theo dõi hồ sơ).\n`,
    );
    expect((await motcua('form', code, '07')).code).toBe(2);
    const old = await stored('2016-05-10T09:00');
    const before = await motcua('form', old, 'receipt');
    expect([before.code, before.err]).toEqual([
      2,
      `motcua: form: case ${old} was received on 2016-05-10, before any one-stop forms were issued (Circular 01/2018/TT-VPCP Annex (Mẫu số 01–06) from 2019-01-06 to 2025-09-14; Circular 03/2025/TT-VPCP Annex I (Mẫu số 01–07) from 2025-09-15). No form can be printed for it.\n`,
    ]);
    expect((await motcua('form', 'MOTCUA-240304-0009', 'receipt')).code).toBe(2);
  });
});
