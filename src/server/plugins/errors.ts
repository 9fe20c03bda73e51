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

function describeValidation(error: FastifyError): Message {
  const first = error.validation?.[0];
  const where = `${error.validationContext ?? 'body'}${first?.instancePath ?? ''}`.replace(/\//g, '.');
  const missing = first?.keyword === 'required' ? ((first.params as { missingProperty?: string }).missingProperty ?? '') : '';
  const field = missing === '' ? where : `${where}.${missing}`;
  const detail = first?.message ?? 'invalid';
  if (missing !== '') return { da: `${field}: skal udfyldes.`, en: `${field}: is required.` };
  return { da: `${field}: ugyldig værdi (${detail}).`, en: `${field}: invalid value (${detail}).` };
}

function mapError(error: unknown): Mapped | undefined {
  if (error instanceof AppError) return error.details === undefined ? { code: error.code, text: error.text } : { code: error.code, text: error.text, details: error.details };
  const e = error as Partial<FastifyError>;
  if (e.validation !== undefined) return { code: 'invalid_input', text: describeValidation(e as FastifyError) };
  switch (e.code ?? '') {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported_media_type', text: { da: 'Send data som application/json.', en: 'Send data as application/json.' } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large', text: { da: 'Forespørgslen er for stor.', en: 'The request is too large.' } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'invalid_input', text: { da: 'Forespørgslen er ikke gyldig JSON.', en: 'The request body is not valid JSON.' } };
    default:
      break;
  }
  if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
    return { code: 'invalid_input', text: { da: 'Ugyldig forespørgsel.', en: 'Invalid request.' } };
  }
  return undefined;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, mapped: Mapped, status: number): FastifyReply {
  return reply.status(status).type('application/json').send({ code: mapped.code, message: mapped.text[language(request)], ...mapped.details });
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
      return sendError(request, reply, { code: 'internal', text: { da: 'Der skete en fejl hos os. Prøv igen om lidt.', en: 'Something went wrong on our side. Please try again shortly.' } }, 500);
    }
    const status = error instanceof AppError ? error.status : mapped.code === 'invalid_input' ? 400 : ((error as FastifyError).statusCode ?? 400);
    if (status >= 500) request.log.error({ err: error }, 'server error');
    return sendError(request, reply, mapped, status);
  });
  app.setNotFoundHandler((request, reply) => {
    if (webApp !== undefined && request.method === 'GET' && !request.url.startsWith('/api')) return webApp(reply);
    return sendError(request, reply, NO_SUCH_ADDRESS, 404);
  });
}
