// The uploader the running app uses: the browser's fetch and cookies, the UI language.
import i18n from 'i18next';
import { createUploader } from './upload.js';

export const upload = createUploader({
  fetch: (input, init) => window.fetch(input, init),
  cookies: () => document.cookie,
  language: () => i18n.resolvedLanguage ?? i18n.language,
});
