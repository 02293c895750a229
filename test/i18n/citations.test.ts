import { describe, expect, it } from 'vitest';
import { citeRef, type LegalRef } from '../../src/legal.ts';

const ref = (document: string, article?: string): LegalRef => ({ document, ...(article === undefined ? {} : { article }), confidence: 'mem' });

describe('a legal reference is cited in the reader\'s language', () => {
  const cases: readonly [string, LegalRef, string, string][] = [
    ['a code and its article', ref('Labor Code 2019 (45/2019/QH14)', 'Art. 112'), 'Labor Code 2019 (45/2019/QH14) Art. 112', 'Bộ luật Lao động 2019 (45/2019/QH14) Điều 112'],
    ['a clause of an article', ref('Law on Civil Status 2014 (60/2014/QH13)', 'Art. 16.2'), 'Law on Civil Status 2014 (60/2014/QH13) Art. 16.2', 'Luật Hộ tịch 2014 (60/2014/QH13) khoản 2 Điều 16'],
    ['a decree with a description, which Vietnamese leaves to the number', ref('Decree 101/2024/NĐ-CP on land registration and certificates'), 'Decree 101/2024/NĐ-CP on land registration and certificates', 'Nghị định 101/2024/NĐ-CP'],
    ['an amended decree with its date', ref('Decree 118/2025/NĐ-CP (9/6/2025) on the one-stop mechanism and the national public service portal, as amended by Decree 367/2025/NĐ-CP', 'Art. 15'), 'Decree 118/2025/NĐ-CP (9/6/2025) on the one-stop mechanism and the national public service portal, as amended by Decree 367/2025/NĐ-CP Art. 15', 'Nghị định 118/2025/NĐ-CP ngày 9/6/2025, được sửa đổi, bổ sung bởi Nghị định 367/2025/NĐ-CP Điều 15'],
    ['a circular guiding a decree', ref('Circular 01/2018/TT-VPCP guiding Decree 61/2018/NĐ-CP', 'Art. 19'), 'Circular 01/2018/TT-VPCP guiding Decree 61/2018/NĐ-CP Art. 19', 'Thông tư 01/2018/TT-VPCP hướng dẫn Nghị định 61/2018/NĐ-CP Điều 19'],
    ['two announcements of a year', ref('Letter 8662/VPCP-KGVX of 3/11/2023; Notice 5015/TB-LĐTBXH of 22/11/2023'), 'Letter 8662/VPCP-KGVX of 3/11/2023; Notice 5015/TB-LĐTBXH of 22/11/2023', 'Công văn 8662/VPCP-KGVX ngày 3/11/2023; Thông báo 5015/TB-LĐTBXH ngày 22/11/2023'],
    ['an announcement whose number was not found', ref('Ministry of Labour announcement of Tết and National Day 2022 (number not found)'), 'Ministry of Labour announcement of Tết and National Day 2022 (number not found)', 'Thông báo của Bộ Lao động – Thương binh và Xã hội về Tết và Quốc khánh 2022 (chưa tìm thấy số)'],
    ['the annex of Decision 766', ref('Decision 766/QĐ-TTg (23/6/2022)', 'Annex (Bộ chỉ số)'), 'Decision 766/QĐ-TTg (23/6/2022) Annex (Bộ chỉ số)', 'Quyết định 766/QĐ-TTg ngày 23/6/2022 Phụ lục (Bộ chỉ số)'],
  ];
  it.each(cases)('%s', (_what, r, en, vi) => {
    expect(citeRef(r)).toBe(en);
    expect(citeRef(r, 'en')).toBe(en);
    expect(citeRef(r, 'vi')).toBe(vi);
  });

  it('uses the Vietnamese citation a reference carries when it is not a numbered text', () => {
    const assumption: LegalRef = { document: 'modelling assumption (no legal basis found for a rating window)', documentVi: 'giả định của mô hình (chưa tìm thấy căn cứ pháp lý cho thời hạn đánh giá)', confidence: 'uncertain' };
    expect(citeRef(assumption, 'vi')).toBe('giả định của mô hình (chưa tìm thấy căn cứ pháp lý cho thời hạn đánh giá)');
    expect(citeRef(assumption)).toBe('modelling assumption (no legal basis found for a rating window)');
  });
});
