import { z } from 'zod';
import { actorJsonSchema, actorSchema, instantMsSchema, instantTextSchema } from '../compile/event-schema.ts';
import { CHANNELS, type Channel } from '../dsl/spec.ts';

/**
 * The one definition of a request to open a case, in two forms made from the same fields: in
 * memory (instants in ms, actors as objects; what `engine.open` takes) and in JSON (local instants,
 * actors by name; what `motcua case open` and the HTTP API read). `schema/case-request.schema.json`
 * is written from the JSON form.
 */
function requestSchema<I extends z.ZodType, A extends z.ZodType>(instant: I, actor: A) {
  return z
    .object({
      procedure: z.string().min(1).max(200).describe('the procedure id; the version in force on the day of receipt is used'),
      dossier: z
        .record(z.string().max(200), z.union([z.string().max(10_000), z.number(), z.boolean()]))
        .readonly()
        .optional()
        .describe('the dossier data the procedure declares (its fields decide branches)'),
      channel: z.enum(CHANNELS as [Channel, ...Channel[]]).describe('how the dossier came: in-person, postal or online'),
      receivedAt: instant.describe('when the desk received the dossier'),
      by: actor.describe('who records the receipt: the desk, or the applicant submitting online (then with accept: false)'),
      unit: z
        .string()
        .min(1)
        .max(40)
        .optional()
        .describe('the identifier of the unit receiving the dossier (QCVN 102:2016/BTTTT, e.g. 000.00.12.H33); the generated code is <unit>-YYMMDD-XXXX, numbered per unit per day (Circular 01/2018/TT-VPCP Art. 19); the engine’s receivingUnit when absent'),
      code: z.string().min(1).max(200).optional().describe('the dossier code (mã hồ sơ) when another system assigns it'),
      accept: z
        .boolean()
        .optional()
        .describe('the desk found the dossier complete and accepts it now (the default); false leaves it at receipt for a later ACCEPT, REQUEST_COMPLETION or REFUSE'),
      idempotencyKey: z.string().min(1).max(200).optional().describe('a key the caller makes up per request: a retry with the same key gets the first answer'),
    })
    .strict();
}

/** The in-memory form of an opening request, checked by the engine. */
export const openRequestSchema = requestSchema(instantMsSchema, actorSchema);

/** The JSON form of an opening request, read by the CLI and the HTTP API. */
export const openRequestJsonSchema = requestSchema(instantTextSchema, actorJsonSchema);

/**
 * What opening a case needs: the dossier as the desk receives it.
 *
 * @example
 * const request: OpenRequest = { procedure: 'birth-registration', channel: 'online', receivedAt: parseInstant('2026-03-02T09:00'), dossier: { needsVerification: false }, by: { kind: 'agency', agency: 'desk' } };
 * const engine = createEngine({ procedures: [birthRegistration2025], store: memoryStore() });
 * (await engine.open(request)).code // → 'MOTCUA-260302-0001'
 */
export type OpenRequest = z.output<typeof openRequestSchema>;

/** The JSON form of an opening request, as scripts write it. */
export type OpenRequestJson = z.input<typeof openRequestJsonSchema>;
