import type { ReactiveController } from 'lit';
import { nothing, render } from 'lit/html.js';
import type { Garde } from '../core/types.js';
import { currentGarde } from '../core/instance.js';
import { ConsentController, type GardeHost } from '../controllers/consent-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import { baseStyles } from './base.styles.js';

/**
 * What the elements share: a shadow root with adopted style sheets, rendered with lit-html
 * (`render()` after each update, batched to one per microtask, event listeners bound to the
 * element), Lit's reactive-controller protocol, the garde instance they render (`garde`, else the
 * last one `init()` created), re-rendering after each decision, and the language to render in,
 * which is the instance's `garde.lang`: the language its receipts record.
 *
 * Why not Lit's `ReactiveElement`: the elements have one property and no attributes to reflect,
 * so its property system, attribute conversion and style-shimming fallbacks would be ~2.6 kB gzip
 * in every visitor's download for nothing. What the elements use of it (`requestUpdate`,
 * `updateComplete`, `addController`, `renderRoot`, static `styles`) is below, with the same
 * meaning, so a controller or a test written for Lit works unchanged.
 *
 * @property garde - The garde instance to render and call; defaults to the last one `init()`
 *   created. The element renders in its `lang` (`config.lang`, else `<html lang>` at `init()`).
 */
export class GardeElement extends HTMLElement implements GardeHost {
  /** The sheets adopted by every instance's shadow root. */
  static styles: CSSStyleSheet[] = [baseStyles];

  /** The shadow root the element renders into. */
  readonly renderRoot: ShadowRoot;

  protected localize: LocalizeController;

  /** The instance given to this element, if any. */
  private __given?: Garde;
  private __controllers: ReactiveController[] = [];
  /** The update waiting for the next microtask, if one was requested. */
  private __pending?: Promise<boolean>;

  constructor() {
    super();
    this.renderRoot = this.attachShadow({ mode: 'open' });
    this.renderRoot.adoptedStyleSheets = (this.constructor as typeof GardeElement).styles;
    // An element created before its class was defined (the dialog, which the drop-in loads on
    // demand) may hold a `garde` of its own, which would hide the accessor: pass it through.
    if (Object.hasOwn(this, 'garde')) {
      const given = this.garde;
      delete (this as { garde?: Garde | null }).garde;
      this.garde = given;
    }
    this.localize = new LocalizeController(this);
    new ConsentController(this);
  }

  /** The instance in use: the one given, else the last one `init()` created. */
  get garde(): Garde | null {
    return this.__given ?? currentGarde();
  }

  set garde(garde: Garde | null | undefined) {
    this.__given = garde ?? undefined;
    this.requestUpdate();
  }

  /** Resolves (to true) once the requested update has rendered. */
  get updateComplete(): Promise<boolean> {
    return this.__pending ?? Promise.resolve(true);
  }

  addController(controller: ReactiveController): void {
    this.__controllers.push(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.__controllers = this.__controllers.filter((other) => other !== controller);
  }

  connectedCallback(): void {
    for (const controller of this.__controllers) controller.hostConnected?.();
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    for (const controller of this.__controllers) controller.hostDisconnected?.();
  }

  /** Renders again at the next microtask; any number of requests before it make one render. */
  requestUpdate(): void {
    this.__pending ??= Promise.resolve().then(() => {
      this.__pending = undefined;
      for (const controller of this.__controllers) controller.hostUpdate?.();
      const garde = this.garde;
      // Without an instance there is nothing to render, in every element.
      render(garde ? this.render(garde) : nothing, this.renderRoot, { host: this });
      for (const controller of this.__controllers) controller.hostUpdated?.();
      return true;
    });
  }

  /**
   * The template of the element's shadow root (lit-html) for the instance in use, worked out again
   * at each update; not called while there is no instance.
   */
  render(_garde: Garde): unknown {
    return nothing;
  }
}
