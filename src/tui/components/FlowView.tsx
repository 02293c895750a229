import { Text } from 'ink';
import { type FlowLine, visibleFlow } from '../view-model.ts';
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
  // Borders and the title take three rows; lines that do not fit are left out, never squeezed.
  const { shown, hidden } = visibleFlow(lines, Math.max(1, height - 3));
  return (
    <Panel title={title} color={color} height={height}>
      {shown.map((l, i) => (
        <Text key={i} wrap="truncate-end" {...(color && COLOURS[l.mark] !== undefined ? { color: COLOURS[l.mark]! } : {})}>
          {'  '.repeat(l.depth)}
          {l.mark} {l.text}
        </Text>
      ))}
      {hidden > 0 ? <Text dimColor>⋮ +{hidden}</Text> : null}
    </Panel>
  );
}
