import { parseArgs } from 'node:util';
import { label } from '../i18n/translate.ts';
import { toBpmn, toDot, toMermaid } from '../export/index.ts';
import { UsageError } from '../errors.ts';
import { EXIT, type Io, pickLang } from './io.ts';
import { resolveProcedure } from '../node/load-procedures.ts';
import { GRAPH_USAGE } from './usage.ts';

/** `motcua graph`. */
export async function graphCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: { 'allow-code': { type: 'boolean', default: false }, format: { type: 'string' }, lang: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('usage', label('error.takes-one-procedure', { command: 'graph' }));
  const { spec } = await resolveProcedure(positionals[0]!, undefined, { allowCode: values['allow-code'] });
  const lang = pickLang(values.lang, io.env);
  switch (values.format) {
    case 'mermaid':
      io.out(toMermaid(spec, { lang }));
      return EXIT.ok;
    case 'dot':
      io.out(toDot(spec, { lang }));
      return EXIT.ok;
    case 'bpmn':
      io.out(await toBpmn(spec, { lang }));
      return EXIT.ok;
    default:
      throw new UsageError('usage', values.format === undefined ? label('error.graph.format.missing') : label('error.graph.format.unknown', { format: values.format }), { path: ['--format'] });
  }
}
