import type { Classification } from '../calendar/ledger.ts';
import type { CaseEventType, Rating } from '../compile/types.ts';
import type { Channel, Level } from '../dsl/spec.ts';
import type { Lang } from '../report/labels.ts';
import { CASE_EVENT_TYPES } from '../compile/event-schema.ts';
import { t } from '../i18n/translate.ts';

/** The event kinds as a person does them, from the message catalogue (`event.*`). */
function eventNames(lang: Lang): Readonly<Record<CaseEventType | 'TIMER', string>> {
  return Object.fromEntries([...CASE_EVENT_TYPES, 'TIMER' as const].map((type) => [type, t(lang, `event.${type}`)])) as Record<CaseEventType | 'TIMER', string>;
}

/** Every text of the web pages, in Vietnamese (the default) and English. */
export interface WebLabels {
  readonly site: string;
  readonly skip: string;
  readonly switchTo: string;
  readonly nav: { readonly lookup: string; readonly queue: string; readonly dashboard: string; readonly catalogue: string; readonly logout: string };
  readonly footer: string;
  readonly signedInAs: (agency: string) => string;
  readonly lookup: {
    readonly title: string;
    readonly intro: string;
    readonly code: string;
    readonly codeHint: string;
    readonly secret: string;
    readonly secretHint: string;
    readonly submit: string;
    readonly notFound: (code: string) => string;
    readonly wrongSecret: string;
    readonly procedure: string;
    readonly status: string;
    readonly receivedAt: string;
    readonly appointment: string;
    readonly paused: string;
    readonly steps: string;
    readonly stepCol: { readonly step: string; readonly agency: string; readonly state: string; readonly due: string; readonly finished: string; readonly standing: string };
    readonly noSteps: string;
    readonly supplementTitle: string;
    readonly supplementText: (agency: string, at: string) => string;
    readonly completionText: (at: string) => string;
    readonly apologyTitle: string;
    readonly apologyText: (agency: string, newDue: string, reason: string) => string;
    readonly result: string;
    readonly resultReady: (at: string) => string;
    readonly resultReturned: (at: string) => string;
    readonly detailsHint: string;
    readonly rateLink: string;
    readonly rated: (rating: string) => string;
    readonly noPersonalData: string;
  };
  readonly stepState: Readonly<Record<'active' | 'supplement' | 'done', string>>;
  readonly classification: Readonly<Record<Classification, string>>;
  readonly rating: Readonly<Record<Rating, string>>;
  readonly rate: {
    readonly title: string;
    readonly intro: (code: string) => string;
    readonly legend: string;
    readonly complaint: string;
    readonly complaintHint: string;
    readonly submit: string;
    readonly thanks: string;
    readonly complaintRecorded: (id: string) => string;
    readonly complaintTooLong: (max: number) => string;
    readonly notYet: string;
    readonly back: string;
  };
  readonly login: { readonly title: string; readonly intro: string; readonly token: string; readonly submit: string; readonly wrong: string };
  readonly queue: {
    readonly title: (agency: string) => string;
    readonly empty: string;
    readonly col: { readonly code: string; readonly procedure: string; readonly status: string; readonly due: string; readonly flags: string };
    readonly dueToday: string;
    readonly overdue: string;
    readonly apologyBy: (date: string) => string;
    readonly paused: string;
    readonly open: string;
    readonly newTitle: string;
    readonly procedure: string;
    readonly channel: string;
    readonly accept: string;
    readonly acceptYes: string;
    readonly acceptNo: string;
    readonly no: string;
    readonly openSubmit: string;
    readonly noDesk: string;
  };
  readonly dossier: {
    readonly title: (code: string) => string;
    readonly actions: string;
    readonly noActions: string;
    readonly slip: string;
    readonly slipCol: { readonly at: string; readonly action: string; readonly from: string; readonly to: string; readonly step: string; readonly due: string; readonly standing: string; readonly note: string };
    readonly reasons: string;
    readonly missing: string;
    readonly missingHint: string;
    readonly newDue: string;
    /** The desk's button on a withdrawal request (7): it closes the dossier (8). */
    readonly closeWithdrawal: string;
    readonly reason: string;
    readonly note: string;
    readonly agree: string;
    readonly disagree: string;
    readonly done: (event: string) => string;
    readonly refused: string;
    readonly confirmTitle: string;
    readonly confirmText: (event: string, code: string) => string;
    /** The confirmation of the desk's close of a withdrawal request. */
    readonly confirmClose: (code: string) => string;
    readonly confirm: string;
    readonly cancel: string;
    readonly back: string;
    readonly notHeld: string;
  };
  readonly event: Readonly<Record<CaseEventType, string>>;
  readonly slipAction: Readonly<Record<string, string>>;
  readonly appointment: {
    readonly title: string;
    readonly code: string;
    readonly procedure: string;
    readonly received: string;
    readonly due: string;
    readonly secret: string;
    readonly secretNote: string;
    readonly qr: string;
    readonly qrLabel: (code: string) => string;
    readonly why: string;
  };
  readonly dashboard: {
    readonly title: string;
    readonly from: string;
    readonly to: string;
    readonly show: string;
    readonly oneStop: string;
    readonly byLevel: string;
    readonly byAgency: string;
    readonly agencyCol: { readonly agency: string; readonly level: string; readonly steps: string; readonly early: string; readonly onTime: string; readonly late: string; readonly onTimeRate: string; readonly overdue: string };
    readonly satisfaction: string;
    readonly ratings: string;
    readonly rated: string;
    readonly satisfiedShare: string;
    readonly satisfiedNote: string;
    readonly complaints: string;
    readonly d766: string;
    readonly d766Missing: string;
    readonly d766Col: {
      readonly rank: string;
      readonly agency: string;
      readonly level: string;
      readonly handled: string;
      readonly late: string;
      readonly onTime: string;
      readonly satisfaction: string;
      readonly resolvedOnTime: string;
      readonly withinLimit: string;
      readonly dissatisfied: string;
    };
    readonly d766OnTime: string;
    readonly d766Satisfaction: string;
    readonly d766Handled: string;
    readonly d766Complaints: string;
    readonly d766Points: (of: number) => string;
    readonly d766ComplaintOnTime: string;
    readonly d766OneStop: string;
    readonly d766Ranking: string;
    readonly d766ByLevel: string;
    readonly d766NoDossiers: string;
    readonly d766NotComputable: (groups: readonly string[]) => string;
    readonly trend: string;
    readonly trendLabel: string;
    readonly overdueChart: string;
    readonly overdueLabel: string;
    readonly noOverdue: string;
    readonly week: (from: string) => string;
    readonly dossiers: string;
  };
  readonly catalogue: {
    readonly title: string;
    readonly date: string;
    readonly show: string;
    readonly inForce: (date: string, count: string) => string;
    readonly col: { readonly procedure: string; readonly level: string; readonly limit: string; readonly version: string; readonly basis: string };
    readonly limit: string;
    readonly mode: Readonly<Record<'date' | 'hours' | 'same-day', string>>;
    readonly effective: string;
    readonly agencies: string;
    readonly steps: string;
    readonly share: string;
    readonly parallel: string;
    readonly branch: (field: string) => string;
    readonly when: (value: string) => string;
    readonly otherwise: string;
    readonly extends: (d: string) => string;
    readonly consult: (agencies: string, within: string, deemed: boolean) => string;
    readonly excluded: (party: string, lasts: string | null) => string;
    readonly legal: string;
    readonly diagram: string;
    readonly diagramLabel: (title: string) => string;
    readonly noDiagram: string;
    readonly back: string;
    readonly notFound: (id: string) => string;
  };
  readonly level: Readonly<Record<Level, string>>;
  readonly channel: Readonly<Record<Channel, string>>;
  readonly error: { readonly title: string; readonly notFound: string; readonly forbidden: string; readonly badRequest: string; readonly back: string };
}

const VI: WebLabels = {
  site: 'Một cửa — motcua',
  skip: 'Bỏ qua, đến nội dung chính',
  switchTo: 'English',
  nav: { lookup: 'Tra cứu hồ sơ', queue: 'Hồ sơ cần xử lý', dashboard: 'Số liệu', catalogue: 'Danh mục thủ tục', logout: 'Đăng xuất' },
  footer: 'motcua — phục vụ từ chính máy chủ này, không tải gì từ nơi khác.',
  signedInAs: (a) => `Đăng nhập: ${a}`,
  lookup: {
    title: 'Tra cứu hồ sơ',
    intro: 'Nhập mã hồ sơ in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả. Nhập thêm mã tra cứu để xem chi tiết và đánh giá.',
    code: 'Mã hồ sơ',
    codeHint: 'Ví dụ: 000.00.12.H33-250124-0001',
    secret: 'Mã tra cứu (không bắt buộc)',
    secretHint: 'In trên giấy hẹn, dưới mã QR.',
    submit: 'Tra cứu',
    notFound: (c) => `Không tìm thấy hồ sơ có mã “${c}”. Kiểm tra lại mã trên giấy hẹn.`,
    wrongSecret: 'Mã tra cứu không đúng: chỉ hiện tình trạng chung.',
    procedure: 'Thủ tục',
    status: 'Tình trạng',
    receivedAt: 'Ngày tiếp nhận',
    appointment: 'Ngày hẹn trả kết quả',
    paused: 'tạm dừng tính thời hạn trong khi chờ bổ sung',
    steps: 'Quá trình giải quyết',
    stepCol: { step: 'Bước', agency: 'Cơ quan', state: 'Trạng thái', due: 'Hạn bước', finished: 'Hoàn thành', standing: 'Đánh giá' },
    noSteps: 'Hồ sơ chưa được chuyển đến cơ quan giải quyết.',
    supplementTitle: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
    supplementText: (a, at) => `${a} yêu cầu bổ sung ngày ${at}. Giấy tờ còn thiếu:`,
    completionText: (at) => `Bộ phận Một cửa yêu cầu hoàn thiện hồ sơ ngày ${at}. Giấy tờ còn thiếu:`,
    apologyTitle: 'Văn bản xin lỗi và hẹn lại ngày trả kết quả',
    apologyText: (a, d, r) => `${a} xin lỗi vì hồ sơ giải quyết chậm và hẹn trả kết quả ${d}. Lý do: ${r}`,
    result: 'Kết quả',
    resultReady: (at) => `Đã có kết quả từ ${at}: mời nhận tại Bộ phận Một cửa.`,
    resultReturned: (at) => `Đã trả kết quả ngày ${at}.`,
    detailsHint: 'Nhập mã tra cứu để xem giấy tờ cần bổ sung, văn bản xin lỗi và đánh giá.',
    rateLink: 'Đánh giá mức độ hài lòng',
    rated: (r) => `Bạn đã đánh giá: ${r}.`,
    noPersonalData: 'Trang này không hiển thị thông tin cá nhân của người nộp hồ sơ.',
  },
  stepState: { active: 'đang xử lý', supplement: 'chờ bổ sung', done: 'đã xong' },
  classification: { early: 'trước hạn', 'on-time': 'đúng hạn', late: 'trễ hạn' },
  rating: { 'very-satisfied': 'Rất hài lòng', satisfied: 'Hài lòng', 'not-satisfied': 'Không hài lòng' },
  rate: {
    title: 'Đánh giá',
    intro: (c) => `Đánh giá việc giải quyết hồ sơ ${c}. Đánh giá và phản ánh được ghi nhận để tính chỉ số hài lòng.`,
    legend: 'Mức độ hài lòng',
    complaint: 'Phản ánh, kiến nghị (không bắt buộc)',
    complaintHint: 'Không ghi thông tin cá nhân.',
    submit: 'Gửi đánh giá',
    thanks: 'Cảm ơn bạn đã đánh giá.',
    complaintRecorded: (id) => `Phản ánh của bạn đã được ghi nhận, số ${id}.`,
    complaintTooLong: (max) => `Phản ánh dài quá ${max} ký tự: hãy viết ngắn lại.`,
    notYet: 'Chỉ đánh giá được sau khi nhận kết quả, trong thời hạn đánh giá.',
    back: 'Quay lại hồ sơ',
  },
  login: { title: 'Đăng nhập cán bộ', intro: 'Nhập mã truy cập (token) do quản trị viên cấp cho cơ quan của bạn.', token: 'Mã truy cập', submit: 'Đăng nhập', wrong: 'Mã truy cập không đúng.' },
  queue: {
    title: (a) => `Hồ sơ cần xử lý — ${a}`,
    empty: 'Không có hồ sơ nào đang ở cơ quan này.',
    col: { code: 'Mã hồ sơ', procedure: 'Thủ tục', status: 'Tình trạng', due: 'Hạn giải quyết', flags: 'Lưu ý' },
    dueToday: 'đến hạn hôm nay',
    overdue: 'quá hạn',
    apologyBy: (d) => `cần xin lỗi trước ${d}`,
    paused: 'tạm dừng',
    open: 'Mở',
    newTitle: 'Tiếp nhận hồ sơ mới',
    procedure: 'Thủ tục',
    channel: 'Hình thức nộp',
    accept: 'Hồ sơ đầy đủ, tiếp nhận ngay',
    acceptYes: 'Có',
    acceptNo: 'Không (chờ kiểm tra)',
    no: 'Không',
    openSubmit: 'Tiếp nhận',
    noDesk: 'Cơ quan này không phải Bộ phận Một cửa của thủ tục nào.',
  },
  dossier: {
    title: (c) => `Hồ sơ ${c}`,
    actions: 'Thao tác được phép lúc này',
    noActions: 'Cơ quan của bạn không có thao tác nào với hồ sơ này lúc này.',
    slip: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    slipCol: { at: 'Thời điểm', action: 'Việc', from: 'Bên giao', to: 'Bên nhận', step: 'Bước', due: 'Hạn', standing: 'Đánh giá', note: 'Ghi chú' },
    reasons: 'Lý do (mỗi dòng một lý do)',
    missing: 'Giấy tờ còn thiếu (mỗi dòng một loại)',
    missingHint: 'Liệt kê đầy đủ trong một lần.',
    newDue: 'Ngày hẹn mới',
    closeWithdrawal: 'Đóng hồ sơ công dân xin rút (dừng xử lý)',
    reason: 'Lý do',
    note: 'Ghi chú',
    agree: 'Đồng ý',
    disagree: 'Không đồng ý',
    done: (e) => `Đã ghi nhận: ${e}.`,
    refused: 'Không thực hiện được',
    confirmTitle: 'Xác nhận',
    confirmText: (e, c) => `Bạn chắc chắn muốn ${e} hồ sơ ${c}? Việc này không hoàn tác được.`,
    confirmClose: (c) => `Công dân đã yêu cầu rút hồ sơ ${c}. Đóng hồ sơ (dừng xử lý)? Việc này không hoàn tác được.`,
    confirm: 'Xác nhận',
    cancel: 'Hủy',
    back: 'Về danh sách',
    notHeld: 'Hồ sơ này không thuộc cơ quan của bạn.',
  },
  event: eventNames('vi'),
  slipAction: {
    submit: 'nộp hồ sơ',
    'request-completion': 'yêu cầu hoàn thiện',
    accept: 'tiếp nhận',
    transfer: 'chuyển',
    handoff: 'bàn giao',
    complete: 'hoàn thành',
    'request-supplement': 'yêu cầu bổ sung',
    supply: 'bổ sung',
    consult: 'lấy ý kiến',
    answer: 'trả lời',
    'deemed-consent': 'coi như đồng ý',
    'interval-start': 'bắt đầu thời gian không tính',
    'interval-end': 'kết thúc thời gian không tính',
    apology: 'xin lỗi, hẹn lại',
    refuse: 'từ chối',
    withdraw: 'rút hồ sơ',
    'result-ready': 'có kết quả',
    return: 'trả kết quả',
    rate: 'đánh giá',
  },
  appointment: {
    title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    code: 'Mã hồ sơ',
    procedure: 'Thủ tục',
    received: 'Tiếp nhận lúc',
    due: 'Hẹn trả kết quả',
    secret: 'Mã tra cứu',
    secretNote: 'Giữ mã tra cứu: cần để xem chi tiết, bổ sung giấy tờ và đánh giá.',
    qr: 'Quét mã QR để tra cứu tiến độ',
    qrLabel: (c) => `Mã QR tra cứu hồ sơ ${c}`,
    why: 'Cách tính ngày hẹn',
  },
  dashboard: {
    title: 'Số liệu giải quyết hồ sơ',
    from: 'Từ ngày',
    to: 'Đến trước ngày',
    show: 'Xem',
    oneStop: 'Số liệu một cửa theo thủ tục',
    byLevel: 'Theo cấp',
    byAgency: 'Theo cơ quan (các bước đã xong trong kỳ)',
    agencyCol: { agency: 'Cơ quan', level: 'Cấp', steps: 'Bước đã xong', early: 'Trước hạn', onTime: 'Đúng hạn', late: 'Trễ hạn', onTimeRate: 'Tỷ lệ đúng hạn', overdue: 'Đang quá hạn' },
    satisfaction: 'Mức độ hài lòng',
    ratings: 'Đánh giá trong kỳ',
    rated: 'Số lượt đánh giá',
    satisfiedShare: 'Tỷ lệ hài lòng',
    satisfiedNote: '(rất hài lòng + hài lòng) / số lượt đánh giá trong kỳ.',
    complaints: 'Phản ánh, kiến nghị',
    d766: 'Chỉ số theo Quyết định 766/QĐ-TTg',
    d766Missing: 'Chưa có bộ tính chỉ số Quyết định 766 trên máy chủ này.',
    d766Col: {
      rank: 'Hạng',
      agency: 'Cơ quan',
      level: 'Cấp',
      handled: 'Hồ sơ',
      late: 'Quá hạn',
      onTime: 'Tỷ lệ đúng hạn (766)',
      satisfaction: 'Tỷ lệ hài lòng (766)',
      resolvedOnTime: 'Kết thúc đúng hạn',
      withinLimit: 'Đang giải quyết còn hạn',
      dissatisfied: 'Quá hạn, không hài lòng hoặc có phản ánh',
    },
    d766OnTime: 'Tỷ lệ đúng hạn (766)',
    d766Satisfaction: 'Tỷ lệ hài lòng (766)',
    d766Handled: 'Hồ sơ xử lý trong kỳ',
    d766Complaints: 'Phản ánh, kiến nghị',
    d766Points: (of) => `Điểm / ${of}`,
    d766ComplaintOnTime: 'Phản ánh, kiến nghị xử lý đúng hạn',
    d766OneStop: 'Tỷ lệ đúng hạn một cửa (sớm + đúng hạn / đã giải quyết)',
    d766Ranking: 'Xếp hạng cơ quan',
    d766ByLevel: 'Theo cấp',
    d766NoDossiers: 'Không có hồ sơ nào trong kỳ.',
    d766NotComputable: (groups) => `Không tính được từ dữ liệu hồ sơ: ${groups.map((g) => GROUP_VI[g] ?? g).join(', ')}.`,
    trend: 'Tỷ lệ đúng hạn theo tuần',
    trendLabel: 'Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn theo tuần',
    overdueChart: 'Hồ sơ đang quá hạn theo cơ quan',
    overdueLabel: 'Số hồ sơ đang quá hạn theo cơ quan đang giữ',
    noOverdue: 'Không có hồ sơ quá hạn.',
    week: (f) => `tuần từ ${f}`,
    dossiers: 'hồ sơ',
  },
  catalogue: {
    title: 'Danh mục thủ tục hành chính',
    date: 'Có hiệu lực ngày',
    show: 'Xem',
    inForce: (d, c) => `${c} thủ tục có hiệu lực ngày ${d}.`,
    col: { procedure: 'Thủ tục', level: 'Cấp', limit: 'Thời hạn', version: 'Phiên bản', basis: 'Căn cứ pháp lý' },
    limit: 'Thời hạn giải quyết',
    mode: { date: 'tính theo ngày (Bộ luật Dân sự Điều 147–148)', hours: 'tính theo giờ làm việc', 'same-day': 'trả trong ngày (nhận sau 15:00: ngày làm việc tiếp theo)' },
    effective: 'Áp dụng từ',
    agencies: 'Cơ quan tham gia',
    steps: 'Các bước và thời gian của từng cơ quan',
    share: 'thời gian',
    parallel: 'Song song',
    branch: (f) => `Tùy theo: ${f}`,
    when: (v) => `khi ${v}`,
    otherwise: 'trường hợp khác',
    extends: (d) => `thời hạn thêm ${d}`,
    consult: (a, w, d) => `lấy ý kiến ${a}, trả lời trong ${w}${d ? '; quá hạn coi như đồng ý' : ''}`,
    excluded: (p, l) => `không tính vào thời hạn; do ${p} kết thúc${l === null ? '' : `, kéo dài ${l}`}`,
    legal: 'Căn cứ pháp lý',
    diagram: 'Sơ đồ quy trình',
    diagramLabel: (t) => `Sơ đồ quy trình: ${t}`,
    noDiagram: 'Không vẽ được sơ đồ (thiếu Graphviz trên máy chủ).',
    back: 'Về danh mục',
    notFound: (id) => `Không có thủ tục “${id}” có hiệu lực vào ngày này.`,
  },
  level: { province: 'tỉnh', district: 'huyện', commune: 'xã' },
  channel: { 'in-person': 'trực tiếp', postal: 'bưu chính', online: 'trực tuyến' },
  error: { title: 'Có lỗi', notFound: 'Không tìm thấy trang.', forbidden: 'Bạn cần đăng nhập bằng mã truy cập của cơ quan.', badRequest: 'Yêu cầu không hợp lệ.', back: 'Về trang tra cứu' },
};

const EN: WebLabels = {
  site: 'One-stop — motcua',
  skip: 'Skip to the main content',
  switchTo: 'Tiếng Việt',
  nav: { lookup: 'Look up a dossier', queue: 'My queue', dashboard: 'Dashboard', catalogue: 'Catalogue', logout: 'Sign out' },
  footer: 'motcua — served by this server alone; nothing is loaded from elsewhere.',
  signedInAs: (a) => `Signed in: ${a}`,
  lookup: {
    title: 'Look up a dossier',
    intro: 'Enter the dossier code printed on the receipt and appointment slip. Add the lookup secret to see the details and rate the service.',
    code: 'Dossier code',
    codeHint: 'For example: 000.00.12.H33-250124-0001',
    secret: 'Lookup secret (optional)',
    secretHint: 'Printed on the slip, under the QR code.',
    submit: 'Look up',
    notFound: (c) => `No dossier has the code “${c}”. Check the code on the slip.`,
    wrongSecret: 'The lookup secret is wrong: only the general progress is shown.',
    procedure: 'Procedure',
    status: 'Status',
    receivedAt: 'Received',
    appointment: 'Result due',
    paused: 'the limit is paused while papers are awaited',
    steps: 'Progress',
    stepCol: { step: 'Step', agency: 'Agency', state: 'State', due: 'Step due', finished: 'Finished', standing: 'Standing' },
    noSteps: 'The dossier has not reached the processing agency yet.',
    supplementTitle: 'Request for further papers',
    supplementText: (a, at) => `${a} asked for papers on ${at}. Missing:`,
    completionText: (at) => `The one-stop desk asked for the dossier to be completed on ${at}. Missing:`,
    apologyTitle: 'Apology and new return date',
    apologyText: (a, d, r) => `${a} apologises for the delay; the result is now due ${d}. Reason: ${r}`,
    result: 'Result',
    resultReady: (at) => `The result has been ready since ${at}: collect it at the one-stop desk.`,
    resultReturned: (at) => `The result was returned on ${at}.`,
    detailsHint: 'Enter the lookup secret to see missing papers, apologies and to rate the service.',
    rateLink: 'Rate the service',
    rated: (r) => `You rated: ${r}.`,
    noPersonalData: 'This page shows no personal data of the applicant.',
  },
  stepState: { active: 'in progress', supplement: 'waiting for papers', done: 'done' },
  classification: { early: 'early', 'on-time': 'on time', late: 'late' },
  rating: { 'very-satisfied': 'Very satisfied', satisfied: 'Satisfied', 'not-satisfied': 'Not satisfied' },
  rate: {
    title: 'Rate the service',
    intro: (c) => `Rate how dossier ${c} was handled. Ratings and complaints are recorded and count in the satisfaction index.`,
    legend: 'How satisfied are you?',
    complaint: 'Complaint or petition (optional)',
    complaintHint: 'Do not write personal data.',
    submit: 'Send',
    thanks: 'Thank you for your rating.',
    complaintRecorded: (id) => `Your complaint has been recorded as number ${id}.`,
    complaintTooLong: (max) => `The complaint is longer than ${max} characters: please shorten it.`,
    notYet: 'A dossier can be rated only after its result is returned, within the rating window.',
    back: 'Back to the dossier',
  },
  login: { title: 'Officer sign-in', intro: 'Enter the access token your administrator issued to your agency.', token: 'Access token', submit: 'Sign in', wrong: 'That token is not valid.' },
  queue: {
    title: (a) => `Dossiers to handle — ${a}`,
    empty: 'No dossier is held by this agency.',
    col: { code: 'Dossier code', procedure: 'Procedure', status: 'Status', due: 'Due', flags: 'Attention' },
    dueToday: 'due today',
    overdue: 'overdue',
    apologyBy: (d) => `apology needed by ${d}`,
    paused: 'paused',
    open: 'Open',
    newTitle: 'Receive a new dossier',
    procedure: 'Procedure',
    channel: 'Channel',
    accept: 'Complete: accept it now',
    acceptYes: 'Yes',
    acceptNo: 'No (to be checked)',
    no: 'No',
    openSubmit: 'Receive',
    noDesk: 'This agency is the one-stop desk of no procedure.',
  },
  dossier: {
    title: (c) => `Dossier ${c}`,
    actions: 'What you can do now',
    noActions: 'Your agency has nothing to do on this dossier now.',
    slip: 'Control slip',
    slipCol: { at: 'When', action: 'What', from: 'From', to: 'To', step: 'Step', due: 'Due', standing: 'Standing', note: 'Note' },
    reasons: 'Reasons (one a line)',
    missing: 'Missing papers (one a line)',
    missingHint: 'List everything at once.',
    newDue: 'New return date',
    closeWithdrawal: 'Close the withdrawn dossier (processing stopped)',
    reason: 'Reason',
    note: 'Note',
    agree: 'Agree',
    disagree: 'Disagree',
    done: (e) => `Recorded: ${e}.`,
    refused: 'Not possible',
    confirmTitle: 'Confirm',
    confirmText: (e, c) => `Do you really want to ${e.toLowerCase()} dossier ${c}? This cannot be undone.`,
    confirmClose: (c) => `The applicant asked to withdraw dossier ${c}. Close it (processing stopped)? This cannot be undone.`,
    confirm: 'Confirm',
    cancel: 'Cancel',
    back: 'Back to the queue',
    notHeld: 'This dossier is not held by your agency.',
  },
  event: eventNames('en'),
  slipAction: {
    submit: 'submitted',
    'request-completion': 'completion requested',
    accept: 'accepted',
    transfer: 'transferred',
    handoff: 'handed over',
    complete: 'completed',
    'request-supplement': 'papers requested',
    supply: 'papers supplied',
    consult: 'consulted',
    answer: 'answered',
    'deemed-consent': 'deemed consent',
    'interval-start': 'excluded time starts',
    'interval-end': 'excluded time ends',
    apology: 'apology, new date',
    refuse: 'refused',
    withdraw: 'withdrawn',
    'result-ready': 'result ready',
    return: 'result returned',
    rate: 'rated',
  },
  appointment: {
    title: 'Receipt and appointment slip',
    code: 'Dossier code',
    procedure: 'Procedure',
    received: 'Received',
    due: 'Result due',
    secret: 'Lookup secret',
    secretNote: 'Keep the lookup secret: it is needed to see the details, supply papers and rate the service.',
    qr: 'Scan the QR code to follow the progress',
    qrLabel: (c) => `QR code to look up dossier ${c}`,
    why: 'How the date was counted',
  },
  dashboard: {
    title: 'Processing dashboard',
    from: 'From',
    to: 'To before',
    show: 'Show',
    oneStop: 'One-stop figures by procedure',
    byLevel: 'By level',
    byAgency: 'By agency (steps finished in the period)',
    agencyCol: { agency: 'Agency', level: 'Level', steps: 'Steps done', early: 'Early', onTime: 'On time', late: 'Late', onTimeRate: 'On-time rate', overdue: 'Overdue now' },
    satisfaction: 'Satisfaction',
    ratings: 'Ratings in the period',
    rated: 'Ratings',
    satisfiedShare: 'Satisfied',
    satisfiedNote: '(very satisfied + satisfied) / ratings given in the period.',
    complaints: 'Complaints and petitions',
    d766: 'Decision 766/QĐ-TTg indicators',
    d766Missing: 'The Decision 766 indicators are not available on this server yet.',
    d766Col: {
      rank: 'Rank',
      agency: 'Agency',
      level: 'Level',
      handled: 'Dossiers',
      late: 'Late',
      onTime: 'On-time rate (766)',
      satisfaction: 'Satisfaction (766)',
      resolvedOnTime: 'Ended on time',
      withinLimit: 'Pending within the limit',
      dissatisfied: 'Late, not satisfied or complained about',
    },
    d766OnTime: 'On-time rate (766)',
    d766Satisfaction: 'Satisfaction (766)',
    d766Handled: 'Dossiers handled in the period',
    d766Complaints: 'Complaints and petitions',
    d766Points: (of) => `Points / ${of}`,
    d766ComplaintOnTime: 'Complaints handled on time',
    d766OneStop: 'One-stop on-time rate (early + on time / resolved)',
    d766Ranking: 'Agency ranking',
    d766ByLevel: 'By level',
    d766NoDossiers: 'No dossier in the period.',
    d766NotComputable: (groups) => `Not computable from dossier data: ${groups.map((g) => GROUP_EN[g] ?? g).join(', ')}.`,
    trend: 'On-time rate by week',
    trendLabel: 'Share of dossiers resolved early or on time, by week',
    overdueChart: 'Overdue dossiers by agency',
    overdueLabel: 'Overdue dossiers by the agency holding them',
    noOverdue: 'No dossier is overdue.',
    week: (f) => `week of ${f}`,
    dossiers: 'dossiers',
  },
  catalogue: {
    title: 'Catalogue of procedures',
    date: 'In force on',
    show: 'Show',
    inForce: (d, c) => `${c} procedures in force on ${d}.`,
    col: { procedure: 'Procedure', level: 'Level', limit: 'Limit', version: 'Version', basis: 'Legal basis' },
    limit: 'Statutory limit',
    mode: { date: 'counted in whole days (Civil Code Art. 147–148)', hours: 'counted in working hours', 'same-day': 'the same day (received after 15:00: the next working day)' },
    effective: 'Applies from',
    agencies: 'Agencies',
    steps: 'Steps and each agency’s share',
    share: 'share',
    parallel: 'In parallel',
    branch: (f) => `Depending on: ${f}`,
    when: (v) => `when ${v}`,
    otherwise: 'otherwise',
    extends: (d) => `limit extended by ${d}`,
    consult: (a, w, d) => `consults ${a}, answer within ${w}${d ? '; no answer counts as consent' : ''}`,
    excluded: (p, l) => `not counted in the limit; ended by ${p}${l === null ? '' : `, lasts ${l}`}`,
    legal: 'Legal basis',
    diagram: 'Diagram',
    diagramLabel: (t) => `Process diagram: ${t}`,
    noDiagram: 'The diagram could not be drawn (Graphviz is missing on the server).',
    back: 'Back to the catalogue',
    notFound: (id) => `No procedure “${id}” is in force on that date.`,
  },
  level: { province: 'province', district: 'district', commune: 'commune' },
  channel: { 'in-person': 'in person', postal: 'postal', online: 'online' },
  error: { title: 'Something went wrong', notFound: 'No such page.', forbidden: 'Sign in with your agency’s access token.', badRequest: 'The request is not valid.', back: 'Back to the lookup' },
};

/** The pages' texts in each language. */
/** The index's groups motcua cannot compute (`DECISION_766_GROUPS`), by name. */
const GROUP_VI: Readonly<Record<string, string>> = { publicity: 'công khai, minh bạch', online: 'cung cấp dịch vụ công trực tuyến', digitisation: 'số hóa hồ sơ' };
const GROUP_EN: Readonly<Record<string, string>> = { publicity: 'publicity and transparency', online: 'online service provision', digitisation: 'digitisation of dossiers' };

export const WEB_LABELS: Readonly<Record<Lang, WebLabels>> = { vi: VI, en: EN };
