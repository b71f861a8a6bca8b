import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Tests render the real lazy route tree; the first render in a file also compiles those modules.
configure({ asyncUtilTimeout: 5000 });

// Mantine reads matchMedia for colour scheme and responsive props; jsdom has none.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;

// Mantine's Combobox scrolls the selected option into view.
Element.prototype.scrollIntoView = () => {};

// react-router's ScrollRestoration scrolls on navigation; jsdom does not implement scrolling.
window.scrollTo = () => {};

// jsdom-env.cjs installs Node's AbortController (undici's Request rejects jsdom's signals), but
// jsdom's addEventListener accepts only its own signals. Emulate the `signal` option for the
// foreign ones (Mantine's notifications use it for drag-to-dismiss).
const jsdomAddEventListener = EventTarget.prototype.addEventListener;
EventTarget.prototype.addEventListener = function addEventListener(
  this: EventTarget,
  type: string,
  listener: EventListenerOrEventListenerObject | null,
  options?: boolean | AddEventListenerOptions,
) {
  if (typeof options === 'object' && options.signal) {
    const { signal, ...rest } = options;
    if (signal.aborted) return;
    jsdomAddEventListener.call(this, type, listener, rest);
    signal.addEventListener('abort', () => this.removeEventListener(type, listener, rest), { once: true });
    return;
  }
  jsdomAddEventListener.call(this, type, listener, options);
};
