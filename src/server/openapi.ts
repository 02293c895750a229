import { z } from 'zod';
import { problemSchema } from './problem.ts';

/** One endpoint, as registered with the server and described in the OpenAPI document. */
export interface RouteDoc {
  readonly method: 'GET' | 'POST';
  /** Fastify form: `/api/cases/:caseId`. */
  readonly url: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  /** `bearer`: a token of auth.yaml; `lookup`: the dossier code in the path plus the Lookup-Secret header; `none`: public. */
  readonly security: 'bearer' | 'lookup' | 'none';
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly headers?: readonly { readonly name: string; readonly description: string; readonly schema: z.ZodType }[];
  /** The answer on success: status, description and schema (JSON), or a content type for text. */
  readonly ok: { readonly status: number; readonly description: string; readonly schema?: z.ZodType; readonly contentType?: string };
  /** Error statuses this endpoint can answer with (problem details). */
  readonly errors: readonly number[];
}

const ERROR_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad input: the problem names the path inside the request',
  401: 'No credential, or one that is not known',
  403: 'The credential may not do this: the actor does not hold the step, or the endpoint is for another kind of token (the case is unchanged; a refused event is recorded as a refused attempt)',
  404: 'No such case, dossier or procedure',
  409: 'Not possible now, the case has ended, or another writer changed the case first (Expected-Version)',
  413: 'The request is larger than the engine accepts',
  422: 'The idempotency key was used for another request',
  429: 'Too many requests from this address: wait and retry',
  503: 'The store does not answer',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete out['$schema'];
  return out;
}

/** `/api/cases/:caseId` → `/api/cases/{caseId}`. */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * The OpenAPI 3.1 document of the routes, generated from the same zod schemas that check the
 * requests (zod's JSON Schema output is draft 2020-12, the dialect of OpenAPI 3.1).
 */
export function openApiDocument(routes: readonly RouteDoc[], info: { readonly version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const parameters: unknown[] = [];
    for (const [name, schema] of Object.entries(r.params?.shape ?? {})) parameters.push({ name, in: 'path', required: true, schema: jsonSchema(schema as z.ZodType, 'input') });
    for (const [name, schema] of Object.entries(r.query?.shape ?? {})) {
      const s = schema as z.ZodType;
      const description = s.description;
      parameters.push({ name, in: 'query', required: !s.safeParse(undefined).success, schema: jsonSchema(s, 'input'), ...(description === undefined ? {} : { description }) });
    }
    for (const h of r.headers ?? []) parameters.push({ name: h.name, in: 'header', required: false, description: h.description, schema: jsonSchema(h.schema, 'input') });
    if (r.security === 'lookup') parameters.push({ name: 'Lookup-Secret', in: 'header', required: true, description: 'the secret printed on the appointment slip next to the dossier code', schema: { type: 'string' } });
    const responses: Record<string, unknown> = {
      [String(r.ok.status)]: {
        description: r.ok.description,
        ...(r.ok.schema !== undefined
          ? { content: { 'application/json': { schema: jsonSchema(r.ok.schema, 'output') } } }
          : r.ok.contentType !== undefined
            ? { content: { [r.ok.contentType]: { schema: { type: 'string' } } } }
            : {}),
      },
    };
    for (const status of r.errors) responses[String(status)] = { description: ERROR_TEXT[status] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    const operation = {
      operationId: operationId(r),
      summary: r.summary,
      ...(r.description === undefined ? {} : { description: r.description }),
      tags: [...r.tags],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(r.body === undefined ? {} : { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } }),
      responses,
      security: r.security === 'bearer' ? [{ bearer: [] }] : [],
    };
    (paths[openApiPath(r.url)] ??= {})[r.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'motcua',
      version: info.version,
      description:
        'One-stop (một cửa liên thông) cases over HTTP. Instants are milliseconds since 1970 (UTC); the server stamps every event with its own clock and with the actor of the bearer token. Errors are RFC 9457 problem details carrying the engine’s error code and the path of the offending input.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a token listed (hashed) in auth.yaml, bound to the desk, an agency and role, or the operator' } },
    },
  };
}

function operationId(r: RouteDoc): string {
  const words = r.url
    .split('/')
    .filter((w) => w !== '' && w !== 'api')
    .map((w) => (w.startsWith(':') ? `by-${w.slice(1)}` : w))
    .join('-');
  return `${r.method.toLowerCase()}-${words || 'root'}`.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}
