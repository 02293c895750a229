import { Text } from 'ink';
import type { FlowLine } from '../view-model.ts';
import { Panel } from './Panel.tsx';

export interface FlowViewProps {
  readonly lines: readonly FlowLine[];
  readonly title: string;
  readonly color: boolean;
  readonly height: number;
}

const COLOURS: Readonly<Record<string, string>> = { '✓': 'green', '▶': 'yellow', '…': 'magenta', '~': 'magenta' };

/** The steps and agencies, with where the dossier is: ✓ done, ▶ being worked on, … waiting for papers, ~ excluded time running, = in parallel, ? a branch. */
export function FlowView({ lines, title, color, height }: FlowViewProps) {
  return (
    <Panel title={title} color={color} height={height}>
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate-end" {...(color && COLOURS[l.mark] !== undefined ? { color: COLOURS[l.mark]! } : {})}>
          {'  '.repeat(l.depth)}
          {l.mark} {l.text}
        </Text>
      ))}
    </Panel>
  );
}
