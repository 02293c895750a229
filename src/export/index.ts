export { toBpmn } from './bpmn.ts';
export { dotString, toDot } from './dot.ts';
export { mermaidText, toMermaid } from './mermaid.ts';
export { type ExportLang, type ExportOptions } from './words.ts';
