import { Text } from 'ink';
import { Panel } from './Panel.tsx';

export interface ActionListProps {
  readonly labels: readonly string[];
  readonly selected: number;
  readonly title: string;
  readonly color: boolean;
  readonly height: number;
}

/** The events possible now; the selected one is marked with ❯ (readable without colour). */
export function ActionList({ labels, selected, title, color, height }: ActionListProps) {
  const visible = Math.max(1, height - 3);
  const first = Math.max(0, Math.min(selected - Math.floor(visible / 2), labels.length - visible));
  return (
    <Panel title={title} color={color} height={height}>
      {labels.length === 0 ? <Text dimColor>—</Text> : null}
      {labels.slice(first, first + visible).map((label, i) => {
        const index = first + i;
        const on = index === selected;
        return (
          <Text key={index} wrap="truncate-end" {...(on && color ? { color: 'cyan' } : {})} bold={on}>
            {on ? '❯' : ' '} {index < 9 ? `${index + 1}` : ' '} {label}
          </Text>
        );
      })}
    </Panel>
  );
}
