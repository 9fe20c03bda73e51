// Explanation templates: `{name}` placeholders filled per language.
import { TEMPLATE_PLACEHOLDERS, type TemplatePlaceholder } from './schema.js';

export type TemplateValues = Readonly<Record<TemplatePlaceholder, string>>;

// Split once per template: the work queue renders the same few templates for every case.
const compiled = new Map<string, readonly string[]>();

function partsOf(template: string): readonly string[] {
  let parts = compiled.get(template);
  if (parts === undefined) {
    // Odd positions hold placeholder names, even positions literal text.
    parts = template.split(/\{([a-z_]+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

function isPlaceholder(name: string): name is TemplatePlaceholder {
  return TEMPLATE_PLACEHOLDERS.some((p) => p === name);
}

export function renderTemplate(template: string, values: TemplateValues): string {
  const parts = partsOf(template);
  let text = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    text += i % 2 === 0 ? part : isPlaceholder(part) ? values[part] : `{${part}}`;
  }
  return text;
}
