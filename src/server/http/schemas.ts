import { Type } from '@sinclair/typebox';

/** The body of every 4xx/5xx answer. */
export const ErrorBody = Type.Object(
  { code: Type.String({ description: 'stable error code, e.g. invalid_input' }), message: Type.String({ description: 'for people, in Danish or English' }) },
  { additionalProperties: true, $id: 'ErrorBody' },
);

export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  429: ErrorBody,
} as const;
