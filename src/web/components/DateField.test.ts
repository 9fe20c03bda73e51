// The date field's markup as DKFDS has it: one fieldset named by its legend, three labelled
// numeric text boxes, help and error tied to the fieldset. (Typing and splitting are tested on
// the pure functions in forms/danishDate.test.ts.)
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import da from '../i18n/da.json';
import en from '../i18n/en.json';
import { DateField, dateFieldId } from './DateField.js';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    resources: { da: { translation: da }, en: { translation: en } },
    lng: 'da',
    interpolation: { escapeValue: false },
  });
});

function render(props: Partial<Parameters<typeof DateField>[0]> = {}): string {
  const field = createElement(DateField, {
    id: 'start',
    label: 'Ydelsen startede',
    value: '',
    onChange: () => undefined,
    ...props,
  });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, field));
}

describe('DateField', () => {
  it('is a fieldset with a legend and three numeric boxes labelled Dag, Måned and År', () => {
    const html = render();
    expect(html).toMatch(/^<div class="form-group"><fieldset><legend class="form-label">Ydelsen startede<\/legend>/);
    expect(html).toContain('<div class="date-group mt-3">');
    for (const [part, label] of [
      ['day', 'Dag'],
      ['month', 'Måned'],
      ['year', 'År'],
    ]) {
      expect(html).toContain(
        `<div class="form-group form-group-${part}"><label class="form-label" for="start-${part}">${label}</label>`,
      );
      expect(html).toMatch(
        new RegExp(`<input type="text" inputMode="numeric" id="start-${part}"[^>]*class="form-input"`),
      );
    }
    expect(html).not.toContain('type="date"');
    expect(dateFieldId('start')).toBe('start-day');
  });

  it('shows an ISO value the Danish way, one part per box', () => {
    const html = render({ value: '2026-12-07' });
    expect(html).toMatch(/id="start-day"[^>]*value="07"/);
    expect(html).toMatch(/id="start-month"[^>]*value="12"/);
    expect(html).toMatch(/id="start-year"[^>]*value="2026"/);
  });

  it('ties help and error to the fieldset and marks the boxes invalid', () => {
    const html = render({
      helpText: 'Datoen hvor ydelsen startede.',
      error: 'Datoen findes ikke: februar 2026 har 28 dage.',
      optional: true,
    });
    expect(html).toContain('<div class="form-group form-error"><fieldset aria-describedby="start-help start-error">');
    expect(html).toContain('Ydelsen startede<span class="weight-normal"> (frivilligt)</span></legend>');
    expect(html).toContain('<span class="form-hint" id="start-help">Datoen hvor ydelsen startede.</span>');
    expect(html).toContain('id="start-error"');
    expect(html).toContain('Datoen findes ikke: februar 2026 har 28 dage.');
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(3);
  });
});
