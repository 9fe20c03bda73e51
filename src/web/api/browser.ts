// The API client the running app uses: the browser's fetch and cookies, the UI language.
import i18n from 'i18next';
import { createApiClient } from './client.js';

export const api = createApiClient({
  fetch: (input, init) => window.fetch(input, init),
  cookies: () => document.cookie,
  language: () => i18n.resolvedLanguage ?? i18n.language,
});
