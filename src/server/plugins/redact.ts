import type { FastifyServerOptions } from 'fastify';

// No CPR number may reach a log. We never put one in a URL, but a person might type one into
// the address bar: any 6+4 digit run in a logged URL is masked, whatever its validity.
const CPR_LIKE = /(\d{6})-?\d{4}/g;

export function redactUrl(url: string): string {
  return url.replace(CPR_LIKE, '$1-xxxx');
}

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream === undefined ? {} : { stream }),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
        ip: req.ip,
      }),
    },
  };
}
