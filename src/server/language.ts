import type { FastifyRequest } from 'fastify';

export type Language = 'da' | 'en';

/** Danish unless the caller prefers English (Accept-Language), so messages reach people in their language. */
export function language(request: FastifyRequest): Language {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'da';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'da';
}
