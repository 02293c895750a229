import { Text } from 'ink';
import { Panel } from './Panel.tsx';

export interface TextPanelProps {
  readonly title: string;
  readonly lines: readonly string[];
  readonly color: boolean;
  readonly height: number;
  /** Show the last lines when they do not fit (a timeline), or the first (an explanation). */
  readonly tail?: boolean;
}

/** Lines of text in a panel: the control slip, or the "why this due date?" explanation. */
export function TextPanel({ title, lines, color, height, tail = false }: TextPanelProps) {
  const room = Math.max(1, height - 3);
  const shown = tail ? lines.slice(-room) : lines.slice(0, room);
  return (
    <Panel title={title} color={color} height={height}>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Panel>
  );
}
