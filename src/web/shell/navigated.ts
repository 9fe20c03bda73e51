// Whether the user has moved within the app since it loaded. A fresh load keeps the browser's
// focus (the skip link comes first); after an in-app navigation focus moves to the new page's
// heading so screen readers announce it, unless a confirmation already took it: a page or
// section that appears after the confirmation (its data or code still loading) leaves focus there.
import type { AnyRouter } from '@tanstack/react-router';

let navigated = false;
let noticeHasFocus = false;

export function hasNavigated(): boolean {
  return navigated;
}

/** Called when a confirmation takes focus on the page the user is on, until they leave it. */
export function noticeTookFocus(): void {
  noticeHasFocus = true;
}

/** Whether a page's or section's heading should take focus as it appears. */
export function headingTakesFocus(): boolean {
  return navigated && !noticeHasFocus;
}

export function trackNavigation(router: AnyRouter): () => void {
  return router.subscribe('onBeforeLoad', (event) => {
    if (event.fromLocation !== undefined && event.pathChanged) {
      navigated = true;
      noticeHasFocus = false;
    }
  });
}
