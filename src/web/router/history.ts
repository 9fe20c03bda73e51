// A tiny router on the History API: a store React subscribes to, and navigate().
import { useSyncExternalStore } from 'react';

export interface Location {
  pathname: string;
  search: string;
  /** Whatever was passed as `state` to navigate(); null after a reload or a fresh visit. */
  state: unknown;
  /** Increases on every in-app navigation; 0 for the page the browser loaded. */
  key: number;
}

const listeners = new Set<() => void>();
let current: Location = read(0);

function read(key: number): Location {
  const state: unknown = window.history.state;
  return { pathname: window.location.pathname, search: window.location.search, state, key };
}

function changed(): void {
  current = read(current.key + 1);
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', changed);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => current);
}

export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
}

export function navigate(to: string, options: NavigateOptions = {}): void {
  const state = options.state ?? null;
  if (options.replace === true) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  changed();
}
