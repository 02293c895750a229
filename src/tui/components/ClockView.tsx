import { Text } from 'ink';
import type { ClockFacts } from '../view-model.ts';
import { Panel } from './Panel.tsx';

export interface ClockViewProps {
  readonly facts: ClockFacts;
  readonly lang: 'vi' | 'en';
  readonly color: boolean;
  readonly width?: number;
}

const WORDS = {
  en: { title: 'Clocks — h/d/n: +1h/+1wd/next deadline', now: 'Now', received: 'Received', status: 'Status', due: 'Due', clock: 'Clock', used: 'Used', step: 'Step due', standing: 'So far', next: 'Timer' },
  vi: { title: 'Thời hạn — h/d/n: +1 giờ/+1 ngày/mốc tới', now: 'Bây giờ', received: 'Tiếp nhận', status: 'Trạng thái', due: 'Hạn', clock: 'Đồng hồ', used: 'Đã dùng', step: 'Hạn bước', standing: 'Hiện tại', next: 'Mốc tới' },
} as const;

/** Received at, statutory due, time used and left, running or paused (and why), the step's deadline, standing so far. */
export function ClockView({ facts, lang, color, width }: ClockViewProps) {
  const w = WORDS[lang];
  // One column after the longest label of the language, so the values get the rest.
  const pad = Math.max(...Object.entries(w).filter(([k]) => k !== 'title').map(([, v]) => v.length)) + 1;
  const row = (label: string, value: string, highlight = false) => (
    <Text wrap="truncate-end">
      <Text dimColor>{label.padEnd(pad)}</Text>
      <Text {...(highlight && color ? { color: 'yellow' } : {})} bold={highlight}>
        {value}
      </Text>
    </Text>
  );
  return (
    <Panel title={w.title} color={color} {...(width === undefined ? {} : { width })}>
      {row(w.now, facts.now)}
      {row(w.received, facts.received)}
      {row(w.status, facts.status)}
      {row(w.due, facts.due, true)}
      {row(w.clock, facts.running)}
      {row(w.used, facts.used)}
      {row(w.step, facts.step ?? '—')}
      {row(w.standing, facts.standing)}
      {row(w.next, facts.nextDeadline ?? '—')}
    </Panel>
  );
}
