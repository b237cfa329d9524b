// The dialog's file, asked for on intent: a pointer on (a mouse over it, a finger down on it) or
// focus in one of the controls that open the dialog, the banner's "Customise" and a policy link's
// settings button (the floating one too). By the click, a slow network has had the time of a
// hover or a keyboard step; and a visitor who only accepts or refuses never downloads it.

/**
 * Calls `load` each time the visitor points at or focuses a control that opens the dialog, known
 * by its part, `customise` or `settings` (`load` asks for a file at most once:
 * core/load-script.ts). One listener per event type on `document`: the controls are in shadow
 * roots (the event's first target), and banners come and go.
 */
export function loadOnIntent(load: () => void): void {
  const intent = (event: Event) => {
    const control = event.composedPath()[0] as Element;
    if (/customise|settings/.test(control.part?.value)) load();
  };
  document.addEventListener('pointerover', intent);
  document.addEventListener('focusin', intent);
}
