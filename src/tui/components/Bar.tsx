import { Text } from 'ink';

export interface BarProps {
  readonly label: string;
  readonly value: number;
  readonly max: number;
  readonly width: number;
  readonly suffix: string;
  readonly color?: string;
  readonly marked?: boolean;
}

/** One horizontal bar: label, blocks in proportion, the figure; a ◀ mark readable without colour. */
export function Bar({ label, value, max, width, suffix, color, marked = false }: BarProps) {
  const n = max <= 0 ? 0 : Math.round((Math.min(value, max) / max) * width);
  return (
    <Text wrap="truncate-end">
      {label} <Text {...(color === undefined ? {} : { color })}>{'█'.repeat(n)}</Text>
      {'░'.repeat(width - n)} {suffix}
      {marked ? ' ◀' : ''}
    </Text>
  );
}
