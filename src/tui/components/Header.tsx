import { Box, Text } from 'ink';
import type { Label } from '../../legal.ts';

export interface HeaderProps {
  readonly title: Label;
  readonly id: string;
  readonly level: string;
  readonly limit: string;
  readonly lang: 'vi' | 'en';
  readonly color: boolean;
}

/** The procedure: title in the chosen language (the other one dimmed), level, limit and legal basis. */
export function Header({ title, id, level, limit, lang, color }: HeaderProps) {
  const other = lang === 'vi' ? title.en : title.vi;
  return (
    <Box flexDirection="column">
      <Text bold {...(color ? { color: 'green' } : {})} wrap="truncate-end">
        {title[lang]} [{id}, {level}]
      </Text>
      <Text dimColor wrap="truncate-end">
        {other} · {limit}
      </Text>
    </Box>
  );
}
