/**
 * How sure we are of a legal fact: `src` seen in a published source, `mem` well known but not
 * re-checked against the text, `uncertain` a figure to treat as configurable.
 */
export type Confidence = 'src' | 'mem' | 'uncertain';

/**
 * A reference to the legal text a rule, a limit or a calendar day comes from.
 *
 * @example
 * const ref: LegalRef = { document: 'Labor Code 2019 (45/2019/QH14)', article: 'Art. 112', effectiveFrom: '2021-01-01', confidence: 'mem' };
 */
export interface LegalRef {
  /** The document as cited in English: `Decree 61/2018/NĐ-CP on the one-stop mechanism`. */
  readonly document: string;
  /**
   * The document as cited in Vietnamese, when the rules of {@link citeRef} cannot say it from the
   * English (a document that is not a numbered legal text, such as a modelling assumption).
   */
  readonly documentVi?: string;
  readonly article?: string;
  readonly url?: string;
  /** `YYYY-MM-DD` from which the rule applies. */
  readonly effectiveFrom?: string;
  /** `YYYY-MM-DD`, the last day the rule applies (repealed, replaced or amended after it). */
  readonly effectiveTo?: string;
  readonly confidence: Confidence;
  readonly note?: string;
}

/** A label in Vietnamese and English. */
export interface Label {
  readonly vi: string;
  readonly en: string;
}

/**
 * A reference as a reader cites it: `Labor Code 2019 (45/2019/QH14) Art. 112` in English, `Bộ luật
 * Lao động 2019 (45/2019/QH14) Điều 112` in Vietnamese.
 *
 * @example
 * citeRef({ document: 'Labor Code 2019 (45/2019/QH14)', article: 'Art. 112', confidence: 'mem' }) // → 'Labor Code 2019 (45/2019/QH14) Art. 112'
 * citeRef({ document: 'Decree 61/2018/NĐ-CP', confidence: 'mem' }) // → 'Decree 61/2018/NĐ-CP'
 * citeRef({ document: 'Decree 61/2018/NĐ-CP on the one-stop mechanism', article: 'Art. 19.2', confidence: 'mem' }, 'vi') // → 'Nghị định 61/2018/NĐ-CP khoản 2 Điều 19'
 */
export function citeRef(ref: LegalRef, lang: 'vi' | 'en' = 'en'): string {
  const document = lang === 'en' ? ref.document : (ref.documentVi ?? documentInVietnamese(ref.document));
  const article = ref.article === undefined ? undefined : lang === 'en' ? ref.article : articleInVietnamese(ref.article);
  return article === undefined ? document : `${document} ${article}`;
}

/**
 * The names of the laws and codes the catalogue cites, English → Vietnamese, as the National
 * Assembly titles them. Longest first, so that `Law on Civil Status` is not read as `Law`.
 */
const LAW_NAMES: readonly (readonly [string, string])[] = [
  ['Law on Exit and Entry of Vietnamese Citizens', 'Luật Xuất cảnh, nhập cảnh của công dân Việt Nam'],
  ['Law on the Organisation of Local Government', 'Luật Tổ chức chính quyền địa phương'],
  ['Law on Judicial Records', 'Luật Lý lịch tư pháp'],
  ['Law on Civil Status', 'Luật Hộ tịch'],
  ['Law on Enterprises', 'Luật Doanh nghiệp'],
  ['Law on Investment', 'Luật Đầu tư'],
  ['Law on Residence', 'Luật Cư trú'],
  ['Construction Law', 'Luật Xây dựng'],
  ['Labor Code', 'Bộ luật Lao động'],
  ['Civil Code', 'Bộ luật Dân sự'],
  ['Land Law', 'Luật Đất đai'],
];

/** The kinds of numbered documents, English → Vietnamese. */
const KINDS: readonly (readonly [RegExp, string])[] = [
  [/\bDecree\b/g, 'Nghị định'],
  [/\bCircular\b/g, 'Thông tư'],
  [/\bDecision\b/g, 'Quyết định'],
  [/\bResolution\b/g, 'Nghị quyết'],
  [/\bLetter\b/g, 'Công văn'],
  [/\bNotice\b/g, 'Thông báo'],
  [/\bLaw (?=\d)/g, 'Luật '],
];

/** Phrases that join citations, English → Vietnamese. */
const JOINS: readonly (readonly [RegExp, string])[] = [
  [/,? as amended by /g, ', được sửa đổi, bổ sung bởi '],
  [/,? replacing /g, ', thay thế '],
  [/ and its guiding decree/g, ' và nghị định hướng dẫn'],
  [/ guiding (?:the )?/g, ' hướng dẫn '],
  [/ on enterprise registration of (\d{4})/g, ' về đăng ký doanh nghiệp năm $1'],
  [/,? applied in the (\d{4}) announcement/g, ', áp dụng trong thông báo năm $1'],
  [/,? announced by the Ministry of Labour on ([\d/]+)/g, ', Bộ Lao động – Thương binh và Xã hội thông báo ngày $1'],
  [/ of (\d{1,2}\/\d{1,2}\/\d{4})/g, ' ngày $1'],
  [/ \((\d{1,2}\/\d{1,2}\/\d{4})\)/g, ' ngày $1'],
];

/**
 * A document's English citation said in Vietnamese: the kind and the name translated, the number
 * and dates kept, the joining phrases translated. An English description after the number ("on the
 * one-stop mechanism") is left out: in Vietnamese the number identifies the text. Citations that are
 * not of a numbered text carry their own `documentVi`.
 */
function documentInVietnamese(document: string): string {
  return document
    .split('; ')
    .map((part) => {
      const announcement = /^Ministry of Labour announcement of (.+) \(number not found\)$/.exec(part);
      if (announcement !== null) return `Thông báo của Bộ Lao động – Thương binh và Xã hội về ${occasionInVietnamese(announcement[1]!)} (chưa tìm thấy số)`;
      let text = part
        // A description after a document's number (`61/2018/NĐ-CP on the one-stop mechanism`).
        .replace(/(\d+\/[\w/Đ-]+(?: \([\d/]+\))?) (?:on|publishing) [^,;]*/g, '$1')
        .replace(/ \(the Prime Minister's decision on [^)]*\)/g, '')
        .replace(/ on Tết[^,;]*/g, '');
      for (const [en, vi] of LAW_NAMES) text = text.split(en).join(vi);
      for (const [re, vi] of KINDS) text = text.replace(re, vi);
      for (const [re, vi] of JOINS) text = text.replace(re, vi);
      return text;
    })
    .join('; ');
}

/** `Tết and National Day 2022` → `Tết và Quốc khánh 2022`; `the 2017 holidays` → `các ngày nghỉ lễ năm 2017`. */
function occasionInVietnamese(occasion: string): string {
  return occasion
    .replace(/^the (\d{4}) holidays$/, 'các ngày nghỉ lễ năm $1')
    .replace(/ and /g, ' và ')
    .replace(/National Day/g, 'Quốc khánh');
}

/** `Art. 112` → `Điều 112`, `Art. 111.3` → `khoản 3 Điều 111`, `Annex` → `Phụ lục`. */
function articleInVietnamese(article: string): string {
  return article
    .replace(/^Art\. (\d+)\.(\d+)$/, 'khoản $2 Điều $1')
    .replace(/\bArts?\. /g, 'Điều ')
    .replace(/\bClause (\w+)/g, 'khoản $1')
    .replace(/\bPoint (\w+)/g, 'điểm $1')
    .replace(/^Annex, satisfaction group \(formula description\)$/, 'Phụ lục, nhóm chỉ số về sự hài lòng (mô tả công thức)')
    .replace(/\bAnnex\b/g, 'Phụ lục');
}
