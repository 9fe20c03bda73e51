import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorStatus, type ErrorCode, type Message } from '../errors.js';
import { language } from '../language.js';
import { DATE_RANGE_PATTERN } from '../http/schemas.js';
import { FINITE_KEYWORD, PLAIN_KEYWORD, TEXT_FORMAT } from '../http/input.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';

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

const localNumber = (value: unknown): Message => ({
  da: typeof value === 'number' ? new Intl.NumberFormat('da-DK').format(value) : String(value),
  en: typeof value === 'number' ? new Intl.NumberFormat('en-GB').format(value) : String(value),
});

const TYPE_NAMES: Readonly<Record<string, Message>> = {
  string: { da: 'tekst', en: 'text' },
  integer: { da: 'et helt tal', en: 'a whole number' },
  number: { da: 'et tal', en: 'a number' },
  boolean: { da: 'true eller false', en: 'true or false' },
  object: { da: 'et objekt', en: 'an object' },
  array: { da: 'en liste', en: 'a list' },
  null: { da: 'null', en: 'null' },
};

/** "string" or "string,null" (Ajv's nullable types) in words. */
function typeName(types: unknown): Message {
  const names = String(types)
    .split(',')
    .map((type) => TYPE_NAMES[type] ?? { da: type, en: type });
  return {
    da: names.map((name) => name.da).join(' eller '),
    en: names.map((name) => name.en).join(' or '),
  };
}

const PLAIN_TEXT_RULE: Message = {
  da: 'må ikke indeholde kontroltegn (som NUL) eller halve tegn (enlige surrogater)',
  en: 'must not contain control characters (such as NUL) or half characters (lone surrogates)',
};

/** What is wrong with a field, as the rest of a sentence whose subject is the field. */
function predicate(issue: AjvIssue): Message {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return { da: 'skal udfyldes', en: 'is required' };
    case 'type': {
      const type = typeName(p.type);
      return { da: `skal være ${type.da}`, en: `must be ${type.en}` };
    }
    case 'format':
      switch (p.format) {
        case 'date':
          return { da: 'skal være en gyldig dato (ÅÅÅÅ-MM-DD)', en: 'must be a valid date (YYYY-MM-DD)' };
        case 'date-time':
          return {
            da: 'skal være et tidspunkt med tidszone (ISO 8601)',
            en: 'must be a point in time with its time zone (ISO 8601)',
          };
        case 'uuid':
          return { da: 'skal være et id (UUID)', en: 'must be an id (UUID)' };
        case TEXT_FORMAT:
          return PLAIN_TEXT_RULE;
        default:
          return { da: `skal have formatet ${String(p.format)}`, en: `must have the format ${String(p.format)}` };
      }
    case 'minLength': {
      // At least one character is how a schema says "required" of text.
      if (p.limit === 1) return { da: 'skal udfyldes', en: 'is required' };
      const limit = localNumber(p.limit);
      return { da: `skal have mindst ${limit.da} tegn`, en: `must have at least ${limit.en} characters` };
    }
    case 'maxLength': {
      const limit = localNumber(p.limit);
      return { da: `må højst have ${limit.da} tegn`, en: `must have at most ${limit.en} characters` };
    }
    case 'minimum': {
      const limit = localNumber(p.limit);
      return { da: `skal være mindst ${limit.da}`, en: `must be at least ${limit.en}` };
    }
    case 'maximum': {
      const limit = localNumber(p.limit);
      return { da: `må højst være ${limit.da}`, en: `must be at most ${limit.en}` };
    }
    case 'pattern':
      if (p.pattern === DATE_RANGE_PATTERN)
        return {
          da: 'skal være en dato fra 1. januar 1900 til 31. december 2199',
          en: 'must be a date from 1 January 1900 to 31 December 2199',
        };
      return { da: 'har ikke det rigtige format', en: 'is not in the right format' };
    case PLAIN_KEYWORD:
      return PLAIN_TEXT_RULE;
    case FINITE_KEYWORD:
      return { da: 'skal være et endeligt tal', en: 'must be a finite number' };
    case 'enum': {
      const allowed = Array.isArray(p.allowedValues) ? p.allowedValues.map(String).join(', ') : '';
      return allowed === ''
        ? { da: 'skal være en af de tilladte værdier', en: 'must be one of the allowed values' }
        : {
            da: `skal være en af de tilladte værdier: ${allowed}`,
            en: `must be one of the allowed values: ${allowed}`,
          };
    }
    case 'anyOf':
    case 'const':
      return { da: 'skal være en af de tilladte værdier', en: 'must be one of the allowed values' };
    default:
      return {
        da: `er ikke gyldigt (${issue.message ?? issue.keyword})`,
        en: `is not valid (${issue.message ?? issue.keyword})`,
      };
  }
}

/** The sentence's subject: the field by its name in the request, or the part of the request. */
function subject(field: string, context: string): Message {
  if (field === '') return { da: `Indholdet (${context})`, en: `The ${context}` };
  return { da: `Feltet »${field}«`, en: `The field "${field}"` };
}

/** One whole sentence that names the field, e.g. "Feltet »note« må højst have 4.000 tegn." */
function sentence(issue: AjvIssue, context: string): Message {
  const p = issue.params;
  const path = issue.instancePath.split('/').filter((part) => part !== '');
  if (issue.keyword === 'additionalProperties') {
    const unknown = subject([...path, String(p.additionalProperty)].join('.'), context);
    return { da: `${unknown.da} findes ikke her.`, en: `${unknown.en} does not exist here.` };
  }
  if (issue.keyword === 'required') path.push(String(p.missingProperty));
  const who = subject(path.join('.'), context);
  const what = predicate(issue);
  return { da: `${who.da} ${what.da}.`, en: `${who.en} ${what.en}.` };
}

/**
 * A schema error as `<where>: <sentence>`. The field path up front is the API's convention for
 * every field error (service errors too), so a client can put the message on its field; the
 * sentence after it is for people.
 */
export function describeValidation(error: FastifyError): Message {
  const issues = (error.validation ?? []) as AjvIssue[];
  // A union reports every branch; the most specific issue is the one deepest in the document.
  const first =
    [...issues].sort((a, b) => b.instancePath.length - a.instancePath.length).find((i) => i.keyword !== 'anyOf') ??
    issues[0];
  const context = error.validationContext ?? 'body';
  const where = `${context}${first?.instancePath ?? ''}`.replace(/\//g, '.');
  const missing =
    first?.keyword === 'required' ? ((first.params as { missingProperty?: string }).missingProperty ?? '') : '';
  const field = missing === '' ? where : `${where}.${missing}`;
  const text =
    first === undefined
      ? { da: 'Forespørgslen er ikke gyldig.', en: 'The request is not valid.' }
      : sentence(first, context);
  return { da: `${field}: ${text.da}`, en: `${field}: ${text.en}` };
}

const DATABASE_UNAVAILABLE: Mapped = {
  code: 'database_unavailable',
  text: {
    da: 'Databasen svarer ikke lige nu. Prøv igen om lidt.',
    en: 'The database is not answering right now. Please try again shortly.',
  },
};

/** Seconds a client should wait before retrying when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

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
  if (isDatabaseUnavailable(error)) return DATABASE_UNAVAILABLE;
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
      error instanceof AppError || mapped.code === 'database_unavailable'
        ? errorStatus[mapped.code]
        : mapped.code === 'invalid_input'
          ? 400
          : ((error as FastifyError).statusCode ?? 400);
    // The pool reconnects by itself: tell clients (and load balancers) when to try again.
    if (mapped.code === 'database_unavailable') reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    if (status >= 500) request.log.error({ err: error }, 'server error');
    return sendError(request, reply, mapped, status);
  });
  app.setNotFoundHandler((request, reply) => {
    if (webApp !== undefined && request.method === 'GET' && !request.url.startsWith('/api')) return webApp(reply);
    return sendError(request, reply, NO_SUCH_ADDRESS, 404);
  });
}

// Errors the router and the HTTP parser answer before any route or hook runs (Fastify's
// `frameworkErrors` and `clientErrorHandler`): the same `{ code, message }` as every other error,
// and never the address itself, which may carry what the caller typed.

const BAD_ADDRESS: Mapped = {
  code: 'invalid_input',
  text: { da: 'Adressen er ikke gyldig.', en: 'The address is not valid.' },
};
const ADDRESS_TOO_LONG: Mapped = {
  code: 'uri_too_long',
  text: { da: 'Adressen er for lang.', en: 'The address is too long.' },
};

/** Fastify's `frameworkErrors`: a URL it cannot decode, or a path parameter beyond maxParamLength. */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    sendError(request, reply, ADDRESS_TOO_LONG, 414);
    return;
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    sendError(request, reply, BAD_ADDRESS, 400);
    return;
  }
  request.log.error({ err: error }, 'router error');
  sendError(
    request,
    reply,
    { code: 'internal', text: { da: 'Der skete en fejl hos os.', en: 'Something went wrong.' } },
    500,
  );
}

const CLIENT_ERRORS: Readonly<Record<string, { status: number; reason: string; mapped: Mapped }>> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    mapped: {
      code: 'headers_too_large',
      text: { da: 'Forespørgslens headere er for store.', en: 'The request headers are too large.' },
    },
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    mapped: {
      code: 'request_timeout',
      text: { da: 'Forespørgslen tog for lang tid.', en: 'The request took too long.' },
    },
  },
};

/**
 * Fastify's `clientErrorHandler`: HTTP the parser refuses (headers too large, a broken request
 * line). No request exists yet, so no Accept-Language either: the message is Danish, the default.
 */
export function clientError(error: NodeJS.ErrnoException, socket: import('node:net').Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[error.code ?? ''];
  const { status, reason, mapped } = known ?? {
    status: 400,
    reason: 'Bad Request',
    mapped: {
      code: 'invalid_input',
      text: { da: 'Forespørgslen er ikke gyldig HTTP.', en: 'The request is not valid HTTP.' },
    },
  };
  const body = JSON.stringify({ code: mapped.code, message: mapped.text.da });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
