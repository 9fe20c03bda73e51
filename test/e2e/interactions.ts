// Counts what a person does to finish a task: each click, each field filled (typing into one
// field is one act), each key chord. Waiting and reading are free. The log names every act so
// a task over its budget shows where the effort goes.
import type { Locator, Page } from 'playwright-core';

export interface Interaction {
  kind: 'click' | 'fill' | 'press' | 'type';
  /** What was acted on: the key, or the element's description. */
  what: string;
  /** Where keyboard focus was after the act (key presses only), for the log. */
  focus?: string;
}

// A string, not a function: the tests compile without the DOM library.
const FOCUS_DESCRIPTION = `(() => {
  const element = document.activeElement;
  if (element === null || element === document.body) return 'body';
  const type = element.getAttribute('type');
  const label = element.getAttribute('aria-label') ?? element.labels?.[0]?.innerText ?? element.innerText ?? '';
  return element.tagName.toLowerCase() + (type === null ? '' : '[' + type + ']') +
    (element.id === '' ? '' : '#' + element.id) + ' "' + label.replace(/\\s+/g, ' ').trim().slice(0, 60) + '"';
})()`;

/** A short description of the focused element: its tag, type, id and accessible text. */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate<string>(FOCUS_DESCRIPTION);
}

/** Whether `target` has keyboard focus now. */
export async function isFocused(target: Locator): Promise<boolean> {
  return (await target.and(target.page().locator(':focus')).count()) === 1;
}

export class InteractionCounter {
  readonly log: Interaction[] = [];

  constructor(private readonly page: Page) {}

  get count(): number {
    return this.log.length;
  }

  async click(target: Locator, what: string): Promise<void> {
    this.log.push({ kind: 'click', what });
    await target.click();
  }

  /** Typing a whole value into one field: one interaction however long the text. */
  async fill(target: Locator, value: string, what: string): Promise<void> {
    this.log.push({ kind: 'fill', what });
    await target.fill(value);
  }

  /** One key chord ('Tab', 'Shift+Tab', 'Enter', 'Space', 'ArrowDown'). */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    this.log.push({ kind: 'press', what: key, focus: await describeFocus(this.page) });
  }

  /** Typing text into the focused field: one interaction, like `fill`. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.log.push({ kind: 'type', what: `"${text}"`, focus: await describeFocus(this.page) });
  }

  /** After a press that loads a page, focus moves later: the log shows where it came to rest. */
  async noteFocus(): Promise<void> {
    const last = this.log.at(-1);
    if (last !== undefined) last.focus = await describeFocus(this.page);
  }

  /**
   * Presses Tab (or Shift+Tab) until `target` has focus, as a person moves on until they reach
   * what they want; fails after `most` presses, naming where focus went.
   */
  async tabTo(target: Locator, most: number, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
    for (let pressed = 0; pressed < most; pressed += 1) {
      await this.press(key);
      if (await isFocused(target)) return;
    }
    throw new Error(`${key} did not reach the target in ${most} presses:\n${this.report()}`);
  }

  /** One line per interaction, numbered: the evidence behind the count. */
  report(): string {
    return this.log
      .map((entry, index) => {
        const focus = entry.focus === undefined ? '' : ` → ${entry.focus}`;
        return `${String(index + 1).padStart(2)}. ${entry.kind} ${entry.what}${focus}`;
      })
      .join('\n');
  }
}
