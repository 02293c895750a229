import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

export interface PanelProps {
  readonly title: string;
  readonly width?: number | string;
  readonly height?: number;
  readonly color: boolean;
  readonly children: ReactNode;
}

/** A bordered box with a title; plain borders without colour (NO_COLOR). */
export function Panel({ title, width, height, color, children }: PanelProps) {
  return (
    <Box flexDirection="column" borderStyle="round" {...(color ? { borderColor: 'cyan' } : {})} {...(width === undefined ? {} : { width })} {...(height === undefined ? {} : { height })} paddingX={1} overflow="hidden">
      <Text bold>{title}</Text>
      {children}
    </Box>
  );
}
