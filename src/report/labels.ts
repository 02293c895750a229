/** The languages of the report. */
export type Lang = 'vi' | 'en';

/** Every text of the HTML report, in Vietnamese and English. */
export interface ReportLabels {
  readonly title: string;
  readonly dashboardTitle: string;
  readonly nav: { readonly reproduce: string; readonly dashboard: string; readonly procedures: string; readonly stations: string; readonly compare: string; readonly scenario: string; readonly checks: string };
  readonly subtitle: (s: { replications: string; seed: string; start: string; horizon: string; warmup: string; calendar: string; discipline: string }) => string;
  readonly reproduceTitle: string;
  readonly reproduceText: (seed: string, file: string) => string;
  readonly reproduceUnknown: (name: string, seed: string, replications: string) => string;
  readonly warningsTitle: string;
  readonly period: (from: string, to: string) => string;
  readonly dashboardSimulation: string;
  readonly dashboardCases: (asOf: string) => string;
  readonly carriedOverUnknown: string;
  readonly channelsEstimated: string;
  readonly col: {
    readonly procedure: string;
    readonly received: string;
    readonly carriedOver: string;
    readonly new: string;
    readonly online: string;
    readonly inPerson: string;
    readonly postal: string;
    readonly resolved: string;
    readonly total: string;
    readonly early: string;
    readonly onTime: string;
    readonly late: string;
    readonly onTimeRate: string;
    readonly pending: string;
    readonly withinLimit: string;
    readonly overdue: string;
    readonly supplements: string;
    readonly atReceipt: string;
    readonly duringProcessing: string;
    readonly refusals: string;
    readonly withdrawals: string;
    readonly apologies: string;
    readonly allProcedures: string;
  };
  readonly proceduresTitle: string;
  readonly proceduresNote: string;
  /** A limit in calendar days, with its working-day equivalent. */
  readonly limit: (text: string, days: string, basis: string) => string;
  /** A limit in working days or hours. */
  readonly limitExact: (text: string, basis: string) => string;
  readonly limitApprox: string;
  readonly limitUnknown: string;
  readonly limitMarker: (days: string) => string;
  readonly extendedMarker: (days: string) => string;
  readonly extendedLimit: (days: string, reason: string) => string;
  readonly cycleAxis: string;
  readonly casesAxis: (replications: string) => string;
  readonly histogramLabel: (procedure: string) => string;
  readonly barTitle: (from: string, to: string, count: string) => string;
  readonly tailTitle: (from: string, count: string) => string;
  readonly splitLabel: (procedure: string) => string;
  readonly noneResolved: string;
  readonly figures: { readonly started: string; readonly resolved: string; readonly mean: string; readonly p50: string; readonly p90: string; readonly p95: string; readonly max: string; readonly perReplication: string; readonly wd: string };
  readonly stationsTitle: string;
  readonly stationsNote: string;
  readonly utilisation: string;
  readonly queueWait: string;
  readonly queueWaitNote: string;
  readonly bottleneck: string;
  readonly noBottleneck: string;
  readonly bottleneckText: (station: string, utilisation: string) => string;
  readonly stationCol: { readonly station: string; readonly officers: string; readonly utilisation: string; readonly jobs: string; readonly queueWait: string; readonly p95Wait: string; readonly longestQueue: string; readonly offHoursWait: string };
  readonly p95Marker: (value: string) => string;
  readonly compareTitle: string;
  readonly compareNote: string;
  readonly compareNone: string;
  readonly variantTitle: (name: string) => string;
  readonly baseline: string;
  readonly variant: string;
  readonly meanCycle: string;
  readonly onTimeRateChart: string;
  readonly difference: string;
  readonly differenceCi: string;
  /** Unit of differences of rates: percentage points. */
  readonly points: string;
  readonly noStationChange: string;
  readonly scenarioTitle: string;
  readonly scenarioUnknown: string;
  readonly param: {
    readonly file: string;
    readonly name: string;
    readonly seed: string;
    readonly replications: string;
    readonly start: string;
    readonly horizon: string;
    readonly warmup: string;
    readonly calendar: string;
    readonly discipline: string;
    readonly drain: string;
    readonly apologyExtension: string;
    readonly variants: string;
    readonly none: string;
    readonly yes: string;
    readonly no: string;
    readonly days: (n: string) => string;
    readonly applicantResponse: string;
    readonly transfer: string;
  };
  readonly arrivalsCol: { readonly procedure: string; readonly arrivals: string; readonly channels: string; readonly incomplete: string; readonly withdrawal: string; readonly steps: string; readonly more: string };
  readonly moreText: { readonly receipt: (d: string) => string; readonly dossier: (field: string, mix: string) => string; readonly answer: (consult: string, d: string, silence: string) => string; readonly interval: (id: string, d: string) => string };
  readonly poisson: (perDay: string) => string;
  readonly replay: (count: string) => string;
  readonly stepText: (id: string, duration: string, supplement: string, refusal: string) => string;
  readonly checksTitle: string;
  readonly conservation: (ok: boolean) => string;
  readonly little: (gap: string) => string;
  readonly events: (count: string) => string;
  readonly footer: string;
  readonly channel: Readonly<Record<'in-person' | 'postal' | 'online', string>>;
}

/** The report's texts in each language. */
export const LABELS: Readonly<Record<Lang, ReportLabels>> = {
  vi: {
    title: 'Báo cáo mô phỏng thời gian giải quyết hồ sơ',
    dashboardTitle: 'Báo cáo tình hình giải quyết hồ sơ',
    nav: { reproduce: 'Tái lập', dashboard: 'Số liệu một cửa', procedures: 'Thủ tục', stations: 'Cơ quan', compare: 'So sánh phương án', scenario: 'Tham số', checks: 'Kiểm tra' },
    subtitle: (s) => `${s.replications} lần chạy · hạt giống ${s.seed} · từ ${s.start}, ${s.horizon} ngày (khởi động ${s.warmup} ngày) · lịch ${s.calendar} · hàng đợi ${s.discipline}`,
    reproduceTitle: 'Cách tái lập',
    reproduceText: (seed, file) => `Hạt giống ${seed} được ghi trong tệp kịch bản ${file}: cùng tệp và cùng hạt giống cho đúng các số liệu này. Chạy:`,
    reproduceUnknown: (name, seed, replications) => `Báo cáo đọc từ một tệp JSON của kịch bản "${name}" (hạt giống ${seed}, ${replications} lần chạy). Chạy lại tệp kịch bản đó với: motcua simulate <kịch-bản.yaml> --replications ${replications} --json`,
    warningsTitle: 'Cảnh báo',
    period: (from, to) => `Kỳ báo cáo: từ ${from} đến trước ${to}`,
    dashboardSimulation: 'Số liệu mô phỏng: trung bình mỗi lần chạy, cho các hồ sơ tiếp nhận sau thời gian khởi động, theo dõi đến khi kết thúc lần chạy.',
    dashboardCases: (asOf) => `Số liệu đếm từ hồ sơ, tính đến ${asOf}.`,
    carriedOverUnknown: '— : mô phỏng chỉ tính các hồ sơ tiếp nhận sau thời gian khởi động, không có hồ sơ kỳ trước chuyển sang.',
    channelsEstimated: 'Số hồ sơ theo kênh là tỷ lệ kênh của kịch bản nhân với số hồ sơ mới (kỳ vọng).',
    col: {
      procedure: 'Thủ tục',
      received: 'Tiếp nhận',
      carriedOver: 'Kỳ trước chuyển sang',
      new: 'Mới tiếp nhận',
      online: 'Trực tuyến',
      inPerson: 'Trực tiếp',
      postal: 'Bưu chính',
      resolved: 'Đã giải quyết',
      total: 'Tổng',
      early: 'Trước hạn',
      onTime: 'Đúng hạn',
      late: 'Trễ hạn',
      onTimeRate: 'Tỷ lệ đúng hạn',
      pending: 'Đang giải quyết',
      withinLimit: 'Trong hạn',
      overdue: 'Quá hạn',
      supplements: 'Yêu cầu bổ sung',
      atReceipt: 'Khi tiếp nhận',
      duringProcessing: 'Khi xử lý',
      refusals: 'Từ chối',
      withdrawals: 'Rút hồ sơ',
      apologies: 'Phiếu xin lỗi',
      allProcedures: 'Tất cả thủ tục',
    },
    proceduresTitle: 'Thời gian giải quyết theo thủ tục',
    proceduresNote:
      'Thời gian giải quyết tính bằng ngày làm việc từ khi tiếp nhận đến khi có kết quả (hoặc từ chối), gồm cả thời gian chờ bổ sung và thời gian không tính vào thời hạn (nộp tiền, niêm yết). Thời hạn luật định không tính những khoảng đó, nên một hồ sơ bên phải vạch thời hạn chưa chắc đã trễ hạn: thanh phân loại cho biết kết quả thực.',
    limit: (text, days, basis) => `Thời hạn ${text} (≈ ${days} ngày làm việc) — ${basis}`,
    limitExact: (text, basis) => `Thời hạn ${text} — ${basis}`,
    limitApprox: 'ngày theo lịch quy đổi 5/7, xấp xỉ',
    limitUnknown: 'Không rõ thời hạn: thủ tục không có trong dữ liệu báo cáo.',
    limitMarker: (days) => `thời hạn ${days} ngày làm việc`,
    extendedMarker: (days) => `${days} ngày làm việc`,
    extendedLimit: (days, reason) => `${days} ngày làm việc khi: ${reason}`,
    cycleAxis: 'ngày làm việc từ khi tiếp nhận',
    casesAxis: (r) => `hồ sơ (${r} lần chạy)`,
    histogramLabel: (p) => `Phân bố thời gian giải quyết: ${p}`,
    barTitle: (from, to, count) => `${from}–${to} ngày làm việc: ${count} hồ sơ`,
    tailTitle: (from, count) => `từ ${from} ngày làm việc trở lên: ${count} hồ sơ`,
    splitLabel: (p) => `Trước hạn, đúng hạn, trễ hạn: ${p}`,
    noneResolved: 'chưa có hồ sơ nào được giải quyết',
    figures: { started: 'Tiếp nhận', resolved: 'Đã giải quyết', mean: 'Trung bình', p50: 'Trung vị (p50)', p90: 'p90', p95: 'p95', max: 'Lâu nhất', perReplication: 'mỗi lần chạy', wd: 'ngày làm việc' },
    stationsTitle: 'Cơ quan và bộ phận xử lý',
    stationsNote: 'Hiệu suất sử dụng: thời gian cán bộ bận trên thời gian làm việc. Thanh ngang là khoảng tin cậy 95% giữa các lần chạy.',
    utilisation: 'Hiệu suất sử dụng cán bộ',
    queueWait: 'Thời gian chờ (giờ làm việc)',
    queueWaitNote: 'vạch: p95',
    bottleneck: '◀ điểm nghẽn',
    noBottleneck: 'Không có bộ phận nào.',
    bottleneckText: (s, u) => `Điểm nghẽn: ${s}, hiệu suất sử dụng ${u}.`,
    stationCol: { station: 'Bộ phận', officers: 'Cán bộ', utilisation: 'Hiệu suất', jobs: 'Lượt việc', queueWait: 'Chờ (giờ LV)', p95Wait: 'Chờ p95', longestQueue: 'Hàng dài nhất', offHoursWait: 'Chờ ngoài giờ (giờ)' },
    p95Marker: (v) => `p95: ${v}`,
    compareTitle: 'So sánh phương án cải cách với hiện trạng',
    compareNote: 'Mỗi phương án chạy với cùng các luồng số ngẫu nhiên như hiện trạng; chênh lệch là trung bình các cặp lần chạy, kèm khoảng tin cậy 95%. Khoảng không cắt vạch 0 là chênh lệch có ý nghĩa.',
    compareNone: 'Kịch bản có phương án nhưng chưa so sánh: chạy lại với --compare.',
    variantTitle: (v) => `Phương án “${v}”`,
    baseline: 'Hiện trạng',
    variant: 'Phương án',
    meanCycle: 'Thời gian giải quyết trung bình (ngày làm việc)',
    onTimeRateChart: 'Tỷ lệ đúng hạn',
    difference: 'Chênh lệch',
    differenceCi: 'Chênh lệch (±KTC 95%)',
    points: 'điểm %',
    noStationChange: 'Hiệu suất sử dụng của các bộ phận không đổi.',
    scenarioTitle: 'Tham số kịch bản',
    scenarioUnknown: 'Báo cáo đọc từ JSON của motcua simulate: tham số chi tiết nằm trong tệp kịch bản.',
    param: {
      file: 'Tệp kịch bản',
      name: 'Tên',
      seed: 'Hạt giống',
      replications: 'Số lần chạy',
      start: 'Ngày bắt đầu',
      horizon: 'Thời gian mô phỏng',
      warmup: 'Thời gian khởi động',
      calendar: 'Lịch làm việc',
      discipline: 'Thứ tự phục vụ',
      drain: 'Chạy tiếp đến khi hết hồ sơ',
      apologyExtension: 'Phiếu xin lỗi hẹn thêm',
      variants: 'Phương án',
      none: 'không có',
      yes: 'có',
      no: 'không',
      days: (d) => `${d} ngày`,
      applicantResponse: 'Người nộp bổ sung giấy tờ sau (ngày)',
      transfer: 'Chuyển hồ sơ sau (giờ làm việc, theo kênh)',
    },
    arrivalsCol: { procedure: 'Thủ tục', arrivals: 'Hồ sơ đến', channels: 'Kênh', incomplete: 'Thiếu giấy tờ', withdrawal: 'Rút hồ sơ', steps: 'Các bước (giờ làm việc; bổ sung; từ chối)', more: 'Tiếp nhận, thành phần hồ sơ, lấy ý kiến, thời gian không tính' },
    moreText: {
      receipt: (d) => `tiếp nhận: ${d} giờ làm việc`,
      dossier: (f, m) => `hồ sơ ${f}: ${m}`,
      answer: (c, d, s) => `lấy ý kiến ${c}: ${d} giờ làm việc; im lặng ${s}`,
      interval: (i, d) => `không tính ${i}: ${d} ngày`,
    },
    poisson: (d) => `Poisson, ${d} hồ sơ/ngày làm việc`,
    replay: (c) => `phát lại ${c} thời điểm tiếp nhận`,
    stepText: (id, d, s, r) => `${id}: ${d}; ${s}; ${r}`,
    checksTitle: 'Kiểm tra mô hình',
    conservation: (ok) => (ok ? 'Bảo toàn hồ sơ: đúng trong mọi lần chạy (đến = đã xong + đang xử lý).' : 'Bảo toàn hồ sơ: SAI trong ít nhất một lần chạy.'),
    little: (g) => `Định luật Little L = λW: chênh lệch tương đối lớn nhất ${g}.`,
    events: (c) => `${c} sự kiện được mô phỏng.`,
    footer: 'Tạo bởi motcua report. Tệp tự chứa: không tải gì từ mạng.',
    channel: { 'in-person': 'trực tiếp', postal: 'bưu chính', online: 'trực tuyến' },
  },
  en: {
    title: 'Simulated processing times',
    dashboardTitle: 'One-stop processing report',
    nav: { reproduce: 'Reproduce', dashboard: 'One-stop figures', procedures: 'Procedures', stations: 'Agencies', compare: 'Reform variants', scenario: 'Parameters', checks: 'Checks' },
    subtitle: (s) => `${s.replications} replications · seed ${s.seed} · from ${s.start}, ${s.horizon} days (warm-up ${s.warmup} days) · ${s.calendar} calendar · ${s.discipline} queues`,
    reproduceTitle: 'How to reproduce',
    reproduceText: (seed, file) => `Seed ${seed} is set in the scenario file ${file}: the same file and seed give exactly these figures. Run:`,
    reproduceUnknown: (name, seed, replications) => `This report was read from a JSON report of the scenario "${name}" (seed ${seed}, ${replications} replications). Run that scenario file again with: motcua simulate <scenario.yaml> --replications ${replications} --json`,
    warningsTitle: 'Warnings',
    period: (from, to) => `Period: from ${from} to before ${to}`,
    dashboardSimulation: 'Simulated figures: mean per replication, for dossiers received after the warm-up, followed until the end of the run.',
    dashboardCases: (asOf) => `Counted from case records, as of ${asOf}.`,
    carriedOverUnknown: '— : a simulation counts only dossiers received after its warm-up; none is carried over.',
    channelsEstimated: 'Dossiers by channel are the scenario’s channel mix applied to the new dossiers (expected values).',
    col: {
      procedure: 'Procedure',
      received: 'Received',
      carriedOver: 'Carried over',
      new: 'New',
      online: 'Online',
      inPerson: 'In person',
      postal: 'Postal',
      resolved: 'Resolved',
      total: 'Total',
      early: 'Early',
      onTime: 'On time',
      late: 'Late',
      onTimeRate: 'On-time rate',
      pending: 'Pending',
      withinLimit: 'Within limit',
      overdue: 'Overdue',
      supplements: 'Supplement requests',
      atReceipt: 'At receipt',
      duringProcessing: 'In processing',
      refusals: 'Refusals',
      withdrawals: 'Withdrawals',
      apologies: 'Apology slips',
      allProcedures: 'All procedures',
    },
    proceduresTitle: 'Processing times per procedure',
    proceduresNote:
      'Cycle time is counted in working days from receipt to the result (or the refusal), including waits for papers and time excluded from the limit (payment, public posting). The statutory limit leaves those out, so a dossier right of the limit line is not necessarily late: the split bar gives the actual classification.',
    limit: (text, days, basis) => `Limit ${text} (≈ ${days} working days) — ${basis}`,
    limitExact: (text, basis) => `Limit ${text} — ${basis}`,
    limitApprox: 'calendar days converted at 5/7, approximate',
    limitUnknown: 'Limit unknown: the procedure is not in the report’s data.',
    limitMarker: (days) => `limit ${days} wd`,
    extendedMarker: (days) => `${days} wd`,
    extendedLimit: (days, reason) => `${days} working days when: ${reason}`,
    cycleAxis: 'working days from receipt',
    casesAxis: (r) => `dossiers (${r} replications)`,
    histogramLabel: (p) => `Cycle-time distribution: ${p}`,
    barTitle: (from, to, count) => `${from}–${to} working days: ${count} dossiers`,
    tailTitle: (from, count) => `${from} working days or more: ${count} dossiers`,
    splitLabel: (p) => `Early, on time, late: ${p}`,
    noneResolved: 'no dossier resolved',
    figures: { started: 'Received', resolved: 'Resolved', mean: 'Mean', p50: 'Median (p50)', p90: 'p90', p95: 'p95', max: 'Longest', perReplication: 'per replication', wd: 'working days' },
    stationsTitle: 'Agencies and stations',
    stationsNote: 'Utilisation: officers’ busy time over their working time. Whiskers are 95% confidence intervals over replications.',
    utilisation: 'Officer utilisation',
    queueWait: 'Queue wait (working hours)',
    queueWaitNote: 'tick: p95',
    bottleneck: '◀ bottleneck',
    noBottleneck: 'No station.',
    bottleneckText: (s, u) => `Bottleneck: ${s}, utilisation ${u}.`,
    stationCol: { station: 'Station', officers: 'Officers', utilisation: 'Utilisation', jobs: 'Jobs', queueWait: 'Wait (wh)', p95Wait: 'p95 wait', longestQueue: 'Longest queue', offHoursWait: 'Off-hours wait (h)' },
    p95Marker: (v) => `p95: ${v}`,
    compareTitle: 'Reform variants against the baseline',
    compareNote: 'Each variant runs on the same random streams as the baseline; differences are means over paired replications with 95% confidence intervals. An interval that does not cross zero is a difference the replications support.',
    compareNone: 'The scenario has variants that were not compared: run again with --compare.',
    variantTitle: (v) => `Variant “${v}”`,
    baseline: 'Baseline',
    variant: 'Variant',
    meanCycle: 'Mean cycle time (working days)',
    onTimeRateChart: 'On-time rate',
    difference: 'Difference',
    differenceCi: 'Difference (±95% CI)',
    points: 'points',
    noStationChange: 'No station’s utilisation changes.',
    scenarioTitle: 'Scenario parameters',
    scenarioUnknown: 'This report was read from the JSON of motcua simulate: the detailed parameters are in the scenario file.',
    param: {
      file: 'Scenario file',
      name: 'Name',
      seed: 'Seed',
      replications: 'Replications',
      start: 'Start',
      horizon: 'Horizon',
      warmup: 'Warm-up',
      calendar: 'Calendar',
      discipline: 'Queue discipline',
      drain: 'Run until every dossier has ended',
      apologyExtension: 'Apology slip adds',
      variants: 'Variants',
      none: 'none',
      yes: 'yes',
      no: 'no',
      days: (d) => `${d} calendar days`,
      applicantResponse: 'Applicant brings supplement papers after (calendar days)',
      transfer: 'Dossiers transferred after (working hours, by channel)',
    },
    arrivalsCol: { procedure: 'Procedure', arrivals: 'Arrivals', channels: 'Channels', incomplete: 'Incomplete', withdrawal: 'Withdrawal', steps: 'Steps (working hours; supplement; refusal)', more: 'Receipt, dossier mix, consultations, excluded intervals' },
    moreText: {
      receipt: (d) => `receipt: ${d} working hours`,
      dossier: (f, m) => `dossier ${f}: ${m}`,
      answer: (c, d, s) => `consultation ${c}: ${d} working hours; silent ${s}`,
      interval: (i, d) => `excluded ${i}: ${d} calendar days`,
    },
    poisson: (d) => `Poisson, ${d} a working day`,
    replay: (c) => `replay of ${c} receipt instants`,
    stepText: (id, d, s, r) => `${id}: ${d}; ${s}; ${r}`,
    checksTitle: 'Model checks',
    conservation: (ok) => (ok ? 'Dossiers conserved in every replication (arrived = ended + in progress).' : 'Dossiers NOT conserved in at least one replication.'),
    little: (g) => `Little’s law L = λW: largest relative gap ${g}.`,
    events: (c) => `${c} events simulated.`,
    footer: 'Made by motcua report. Self-contained: nothing is loaded from the network.',
    channel: { 'in-person': 'in person', postal: 'postal', online: 'online' },
  },
};
