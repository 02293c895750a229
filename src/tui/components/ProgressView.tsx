import { Box, Text } from 'ink';

export interface ProgressViewProps {
  readonly label: string;
  readonly done: number;
  readonly total: number;
  /** Seconds since the start, measured by the host. */
  readonly elapsed: number;
  readonly color: boolean;
}

/** A progress bar with the estimated time left. */
export function ProgressView({ label, done, total, elapsed, color }: ProgressViewProps) {
  const width = 40;
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  const eta = done === 0 ? '…' : `${Math.max(0, Math.round((elapsed / done) * (total - done)))} s`;
  return (
    <Box flexDirection="column">
      <Text bold>{label}</Text>
      <Text>
        <Text {...(color ? { color: 'cyan' } : {})}>{'█'.repeat(filled)}</Text>
        {'░'.repeat(width - filled)} {done}/{total} · ETA {eta}
      </Text>
    </Box>
  );
}
