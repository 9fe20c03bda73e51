// The harness itself must be able to fail: a missing browser and an inaccessible page are errors.
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser } from './harness.js';

describe('browser-test harness', () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('fails with the install command when Chromium is missing', async () => {
    await expect(launchBrowser('/nonexistent/chromium')).rejects.toThrow(
      'Chromium not found at /nonexistent/chromium. Install it with: apt-get update && apt-get install -y chromium',
    );
  });

  it('lists the axe violations of an inaccessible page', async () => {
    if (browser === undefined) throw new Error('the browser did not start');
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      // No lang, no title, an image without alt text and an input without a label.
      await page.setContent(
        '<html><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input></main></body></html>',
      );
      const failure = await expectAccessible(page, 'broken page').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      const message = failure instanceof Error ? failure.message : '';
      expect(message).toContain('Accessibility violations on broken page');
      for (const rule of ['image-alt', 'label', 'html-has-lang', 'document-title'])
        expect(message).toContain(`- ${rule} (`);
    } finally {
      await context.close();
    }
  });

  it('passes a small accessible page', async () => {
    if (browser === undefined) throw new Error('the browser did not start');
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent(
        '<html lang="da"><head><title>Prøve</title></head><body><main><h1>Prøve</h1><p>Tekst.</p></main></body></html>',
      );
      await expectAccessible(page, 'small page');
    } finally {
      await context.close();
    }
  });
});
