// A small router on the history API: the current location is a signal-like value that
// components read through useLocation; links inside the app navigate without a reload.
import { useEffect, useState } from 'preact/hooks';

type Listener = () => void;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);

export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
}

export interface Loc {
  path: string;
  query: URLSearchParams;
}

export function useLocation(): Loc {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = (): void => setTick((t) => t + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return { path: location.pathname, query: new URLSearchParams(location.search) };
}

// Paths the server answers itself (GraphiQL, sign-in, the device-login approval, REST): a
// plain navigation.
const SERVER_PATHS = ['/graphql', '/login', '/logout', '/api/', '/auth/'];

/** Clicks on same-origin links of the app go through the router. */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target as Element | null;
    const anchor = target?.closest('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin) return;
    if (SERVER_PATHS.some((p) => url.pathname === p || url.pathname.startsWith(p))) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}

export function projectPath(name: string): string {
  return '/projects/' + encodeURIComponent(name);
}
