import { Text } from 'ink';
import type { ClockFacts } from '../view-model.ts';
import { Panel } from './Panel.tsx';

export interface ClockViewProps {
  readonly facts: ClockFacts;
  readonly lang: 'vi' | 'en';
  readonly color: boolean;
}

const WORDS = {
  en: { title: 'Clocks', now: 'Now', received: 'Received', status: 'Status', due: 'Due', clock: 'Clock', used: 'Used', step: 'Step due', standing: 'So far', next: 'Next deadline' },
  vi: { title: 'Thời hạn', now: 'Bây giờ', received: 'Tiếp nhận', status: 'Trạng thái', due: 'Hạn', clock: 'Đồng hồ', used: 'Đã dùng', step: 'Hạn bước', standing: 'Hiện tại', next: 'Mốc tới' },
} as const;

/** Received at, statutory due, time used and left, running or paused (and why), the step's deadline, standing so far. */
export function ClockView({ facts, lang, color }: ClockViewProps) {
  const w = WORDS[lang];
  const row = (label: string, value: string, highlight = false) => (
    <Text wrap="truncate-end">
      <Text dimColor>{label.padEnd(14)}</Text>
      <Text {...(highlight && color ? { color: 'yellow' } : {})} bold={highlight}>
        {value}
      </Text>
    </Text>
  );
  return (
    <Panel title={w.title} color={color}>
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
