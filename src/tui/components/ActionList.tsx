import { Text } from 'ink';
import { fitLabel } from '../view-model.ts';
import { Panel } from './Panel.tsx';

export interface ActionListProps {
  readonly actions: readonly { readonly label: string; readonly short?: string }[];
  readonly selected: number;
  readonly title: string;
  readonly color: boolean;
  readonly height: number;
  /** The panel's width in columns: labels with agency names that do not fit use the agencies' ids. */
  readonly width: number;
}

/** The events possible now; the selected one is marked with ❯ (readable without colour). */
export function ActionList({ actions, selected, title, color, height, width }: ActionListProps) {
  const visible = Math.max(1, height - 3);
  const first = Math.max(0, Math.min(selected - Math.floor(visible / 2), actions.length - visible));
  // Two borders, two of padding, and "❯ 1 " before the label.
  const room = width - 8;
  return (
    <Panel title={title} color={color} height={height} width={width}>
      {actions.length === 0 ? <Text dimColor>—</Text> : null}
      {actions.slice(first, first + visible).map((action, i) => {
        const index = first + i;
        const on = index === selected;
        return (
          <Text key={index} wrap="truncate-end" {...(on && color ? { color: 'cyan' } : {})} bold={on}>
            {on ? '❯' : ' '} {index < 9 ? `${index + 1}` : ' '} {fitLabel(action, room)}
          </Text>
        );
      })}
    </Panel>
  );
}
