export { toBpmn } from './bpmn.ts';
export { dotString, toDot } from './dot.ts';
export { mermaidText, toMermaid } from './mermaid.ts';
export { type ExportLang, type ExportOptions } from './words.ts';
export { CSV_COLUMNS, type LogEvent, type LogFormat, type LogTrace, type LogWriter, caseEventLog, csvLogWriter, logFormatOf } from './event-log.ts';
