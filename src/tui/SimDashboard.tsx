import { Box, Text, useApp, useInput } from 'ink';
import { useState } from 'react';
import { Bar } from './components/Bar.tsx';
import { Panel } from './components/Panel.tsx';
import { type DashboardRun, histogramRows, limitInWorkingDays } from './dashboard-model.ts';

export interface SimDashboardProps {
  readonly runs: readonly DashboardRun[];
  readonly lang: 'vi' | 'en';
  readonly color: boolean;
  readonly width?: number;
}

const WORDS = {
  en: { cycle: 'Cycle time (working days)', limit: 'limit', split: 'Resolved', early: 'early', onTime: 'on time', late: 'late', stations: 'Station utilisation', keys: '←/→ procedure · tab variant · q quit', bottleneck: 'bottleneck' },
  vi: { cycle: 'Thời gian giải quyết (ngày làm việc)', limit: 'thời hạn', split: 'Đã giải quyết', early: 'trước hạn', onTime: 'đúng hạn', late: 'trễ hạn', stations: 'Mức sử dụng', keys: '←/→ thủ tục · tab phương án · q thoát', bottleneck: 'nút thắt' },
} as const;

/** The result of a simulation: per procedure the histogram against the limit and the split, and the stations' load. */
export function SimDashboard({ runs, lang, color, width = 80 }: SimDashboardProps) {
  const { exit } = useApp();
  const [run, setRun] = useState(0);
  const [proc, setProc] = useState(0);
  useInput((input, key) => {
    if (input === 'q') exit();
    else if (key.rightArrow) setProc((p) => (p + 1) % runs[run]!.report.procedures.length);
    else if (key.leftArrow) setProc((p) => (p - 1 + runs[run]!.report.procedures.length) % runs[run]!.report.procedures.length);
    else if (key.tab) setRun((r) => (r + 1) % runs.length);
  });
  const w = WORDS[lang];
  const current = runs[run]!;
  const p = current.report.procedures[proc]!;
  const spec = current.specs[proc]!;
  const limit = limitInWorkingDays(spec);
  const rows = histogramRows(p, limit, 8);
  const most = Math.max(1, ...rows.map((r) => r.count));
  const resolved = Math.max(1, p.early.mean + p.onTime.mean + p.late.mean);
  const stations = [...current.report.stations].sort((a, b) => b.utilisation.mean - a.utilisation.mean).slice(0, 5);
  const half = Math.floor(width / 2) - 2;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end" {...(color ? { color: 'green' } : {})}>
        {current.name} ({run + 1}/{runs.length}) · {proc + 1}/{current.report.procedures.length} {p.id}@{p.version} · {spec.title[lang]}
      </Text>
      <Box>
        <Panel title={`${w.cycle} · ${w.limit} ${limit.toFixed(1)}`} color={color} width={half + 6}>
          {rows.map((r, i) => (
            <Bar key={i} label={i === rows.length - 1 ? `${r.from.toFixed(1).padStart(5)}+     ` : `${r.from.toFixed(1).padStart(5)}–${r.to.toFixed(1).padEnd(5)}`} value={r.count} max={most} width={Math.max(4, half - 24)} suffix={String(r.count).padStart(5)} marked={r.limitHere} {...(color && r.from >= limit ? { color: 'red' } : {})} />
          ))}
          <Text dimColor>◀ {w.limit}; p50 {p.cycleWorkingDays.p50.mean.toFixed(1)} · p90 {p.cycleWorkingDays.p90.mean.toFixed(1)}</Text>
        </Panel>
        <Panel title={w.split} color={color} width={width - half - 6}>
          <Bar label={w.early.padEnd(10)} value={p.early.mean} max={resolved} width={Math.max(4, width - half - 30)} suffix={`${((p.early.mean / resolved) * 100).toFixed(0)}%`} {...(color ? { color: 'green' } : {})} />
          <Bar label={w.onTime.padEnd(10)} value={p.onTime.mean} max={resolved} width={Math.max(4, width - half - 30)} suffix={`${((p.onTime.mean / resolved) * 100).toFixed(0)}%`} {...(color ? { color: 'yellow' } : {})} />
          <Bar label={w.late.padEnd(10)} value={p.late.mean} max={resolved} width={Math.max(4, width - half - 30)} suffix={`${((p.late.mean / resolved) * 100).toFixed(0)}%`} {...(color ? { color: 'red' } : {})} />
          <Text wrap="truncate-end">
            on-time rate {(p.onTimeRate.mean * 100).toFixed(1)}% ±{(p.onTimeRate.halfWidth * 100).toFixed(1)}
          </Text>
        </Panel>
      </Box>
      <Panel title={w.stations} color={color}>
        {stations.map((s) => (
          <Bar
            key={s.id}
            label={s.id.slice(0, 20).padEnd(20)}
            value={s.utilisation.mean}
            max={1}
            width={Math.max(10, width - 44)}
            suffix={`${(s.utilisation.mean * 100).toFixed(1)}%`}
            marked={current.report.bottleneck?.station === s.id}
            {...(color ? { color: current.report.bottleneck?.station === s.id ? 'red' : 'cyan' } : {})}
          />
        ))}
      </Panel>
      <Text dimColor>{w.keys}</Text>
    </Box>
  );
}
