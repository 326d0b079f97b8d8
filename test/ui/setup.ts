import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server, unhandledRequests } from './render';

// Pages are lazy routes: the first render of a file waits for their modules to
// compile, which on a busy 2-core machine can take longer than the default second.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no matchMedia; MUI asks it for the colour scheme and breakpoints.
if (!window.matchMedia) {
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
}

// jsdom does not scroll; React Router's ScrollRestoration calls this.
window.scrollTo = () => {};

beforeAll(() => {
  // An unexpected request must fail the test, not just log: collect, then throw below.
  server.listen({
    onUnhandledRequest(request, print) {
      unhandledRequests.push(`${request.method} ${request.url}`);
      print.error();
    },
  });
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  if (unhandledRequests.length > 0) {
    const list = unhandledRequests.splice(0).join(', ');
    throw new Error(`Requests without an msw handler: ${list}`);
  }
});

afterAll(() => server.close());
