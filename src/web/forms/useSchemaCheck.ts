// A form's one round of checks: its own findings first (they know the form best), then what the
// server's request schema finds in the body it is about to send, merged in the form's order.
import type { TSchema } from '@sinclair/typebox';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMap } from '../hooks/problems.js';
import { useLanguage } from '../i18n/index.js';
import { mergeFound, validateBody, type Findings, type Found } from './validate.js';

export type SchemaCheck = (schema: TSchema, body: unknown, own?: Findings) => Found;

export function useSchemaCheck(fields: FieldMap): SchemaCheck {
  const { t } = useTranslation();
  const language = useLanguage();
  return useCallback(
    (schema, body, own = {}) => mergeFound(fields, own, validateBody(schema, body, fields, t, language)),
    [fields, t, language],
  );
}
