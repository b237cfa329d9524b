// The five consent managers under test: where their fixture page is, and how to find the
// "reject" button of their first layer once it is on screen.

/**
 * `reject` and `accept` are functions run in the page (sent as source text): the button, or null.
 * garde's button is inside <garde-banner>'s shadow root; the others are in the light DOM.
 */
export const SYSTEMS = [
  {
    name: 'garde',
    page: '/fixtures/garde/',
    reject: () => {
      const root = document.querySelector('garde-banner')?.shadowRoot;
      if (!root) return null;
      const buttons = [...root.querySelectorAll('button')];
      return (
        buttons.find((b) => /\breject\b/.test(b.getAttribute('part') ?? '')) ??
        buttons.find((b) => b.textContent.trim() === 'Reject all') ??
        null
      );
    },
    accept: () => {
      const root = document.querySelector('garde-banner')?.shadowRoot;
      if (!root) return null;
      const buttons = [...root.querySelectorAll('button')];
      return (
        buttons.find((b) => /\baccept\b/.test(b.getAttribute('part') ?? '')) ??
        buttons.find((b) => b.textContent.trim() === 'Accept all') ??
        null
      );
    },
  },
  {
    name: 'vanilla-cookieconsent',
    page: '/fixtures/cookieconsent/',
    reject: () => document.querySelector('#cc-main .cm__btn[data-role="necessary"]'),
    accept: () => document.querySelector('#cc-main .cm__btn[data-role="all"]'),
  },
  {
    name: 'orejime',
    page: '/fixtures/orejime/',
    reject: () => document.querySelector('.orejime-Banner .orejime-Banner-declineButton'),
    accept: () => document.querySelector('.orejime-Banner .orejime-Banner-saveButton'),
  },
  {
    name: 'klaro',
    page: '/fixtures/klaro/',
    reject: () => document.querySelector('.klaro .cookie-notice .cn-decline'),
    accept: () => document.querySelector('.klaro .cookie-notice .cm-btn-success'),
  },
  {
    name: 'tarteaucitron',
    page: '/fixtures/tarteaucitron/',
    reject: () => document.getElementById('tarteaucitronAllDenied2'),
    accept: () => document.getElementById('tarteaucitronPersonalize2'),
  },
];

/** Library files (not the page, its stylesheet, config or gated content) are served from here. */
export const LIBRARY_PATH = /^\/(dist|node_modules)\//;
