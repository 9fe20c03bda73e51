import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, type Message } from '../errors.js';
import { language } from '../language.js';

// The one place where errors become HTTP answers: `{ code, message }` in the caller's language,
// never a stack trace. 5xx details go to the log only.

interface Mapped {
  code: ErrorCode;
  text: Message;
  details?: Record<string, unknown>;
}

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** What was wrong with a field, said to a person in both languages. */
function problem(issue: AjvIssue): Message {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return { da: 'skal udfyldes', en: 'is required' };
    case 'type':
      return { da: `skal være ${String(p.type)}`, en: `must be ${String(p.type)}` };
    case 'format':
      return p.format === 'date'
        ? { da: 'skal være en gyldig dato (ÅÅÅÅ-MM-DD)', en: 'must be a valid date (YYYY-MM-DD)' }
        : { da: `har ikke formatet ${String(p.format)}`, en: `does not have the format ${String(p.format)}` };
    case 'minLength':
      return { da: `skal have mindst ${String(p.limit)} tegn`, en: `must have at least ${String(p.limit)} characters` };
    case 'maxLength':
      return { da: `må højst have ${String(p.limit)} tegn`, en: `must have at most ${String(p.limit)} characters` };
    case 'minimum':
      return { da: `skal være mindst ${String(p.limit)}`, en: `must be at least ${String(p.limit)}` };
    case 'maximum':
      return { da: `må højst være ${String(p.limit)}`, en: `must be at most ${String(p.limit)}` };
    case 'pattern':
      return { da: 'har ikke det rigtige format', en: 'does not have the right format' };
    case 'additionalProperties':
      return {
        da: `ukendt felt "${String(p.additionalProperty)}"`,
        en: `unknown field "${String(p.additionalProperty)}"`,
      };
    case 'anyOf':
    case 'enum':
    case 'const':
      return { da: 'er ikke en af de tilladte værdier', en: 'is not one of the allowed values' };
    default:
      return {
        da: `ugyldig værdi (${issue.message ?? issue.keyword})`,
        en: `invalid value (${issue.message ?? issue.keyword})`,
      };
  }
}

function describeValidation(error: FastifyError): Message {
  const issues = (error.validation ?? []) as AjvIssue[];
  // A union reports every branch; the most specific issue is the one deepest in the document.
  const first =
    [...issues].sort((a, b) => b.instancePath.length - a.instancePath.length).find((i) => i.keyword !== 'anyOf') ??
    issues[0];
  const where = `${error.validationContext ?? 'body'}${first?.instancePath ?? ''}`.replace(/\//g, '.');
  const missing =
    first?.keyword === 'required' ? ((first.params as { missingProperty?: string }).missingProperty ?? '') : '';
  const field = missing === '' ? where : `${where}.${missing}`;
  const text = first === undefined ? { da: 'ugyldig værdi', en: 'invalid value' } : problem(first);
  return { da: `${field}: ${text.da}.`, en: `${field}: ${text.en}.` };
}

function mapError(error: unknown): Mapped | undefined {
  if (error instanceof AppError)
    return error.details === undefined
      ? { code: error.code, text: error.text }
      : { code: error.code, text: error.text, details: error.details };
  const e = error as Partial<FastifyError>;
  if (e.validation !== undefined) return { code: 'invalid_input', text: describeValidation(e as FastifyError) };
  switch (e.code ?? '') {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        code: 'unsupported_media_type',
        text: { da: 'Send data som application/json.', en: 'Send data as application/json.' },
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large', text: { da: 'Forespørgslen er for stor.', en: 'The request is too large.' } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        code: 'invalid_input',
        text: { da: 'Forespørgslen er ikke gyldig JSON.', en: 'The request body is not valid JSON.' },
      };
    default:
      break;
  }
  if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
    return { code: 'invalid_input', text: { da: 'Ugyldig forespørgsel.', en: 'Invalid request.' } };
  }
  return undefined;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, mapped: Mapped, status: number): FastifyReply {
  return reply
    .status(status)
    .type('application/json')
    .send({ code: mapped.code, message: mapped.text[language(request)], ...mapped.details });
}

const NO_SUCH_ADDRESS: Mapped = { code: 'not_found', text: { da: 'Adressen findes ikke.', en: 'No such address.' } };

/**
 * `webApp`, when given, answers GETs outside /api (client-side routes, including the app's own
 * 404 page); everything else unknown gets a JSON 404.
 */
export function registerErrorHandling(app: FastifyInstance, webApp?: (reply: FastifyReply) => FastifyReply): void {
  app.setErrorHandler((error, request, reply) => {
    const mapped = mapError(error);
    if (mapped === undefined) {
      request.log.error({ err: error }, 'unhandled error');
      return sendError(
        request,
        reply,
        {
          code: 'internal',
          text: {
            da: 'Der skete en fejl hos os. Prøv igen om lidt.',
            en: 'Something went wrong on our side. Please try again shortly.',
          },
        },
        500,
      );
    }
    const status =
      error instanceof AppError
        ? error.status
        : mapped.code === 'invalid_input'
          ? 400
          : ((error as FastifyError).statusCode ?? 400);
    if (status >= 500) request.log.error({ err: error }, 'server error');
    return sendError(request, reply, mapped, status);
  });
  app.setNotFoundHandler((request, reply) => {
    if (webApp !== undefined && request.method === 'GET' && !request.url.startsWith('/api')) return webApp(reply);
    return sendError(request, reply, NO_SUCH_ADDRESS, 404);
  });
}
