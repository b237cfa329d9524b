import { ReactiveElement, type CSSResultGroup, type PropertyValues } from '@lit/reactive-element';
import { nothing, render } from 'lit/html.js';
import type { Garde } from '../core/types.js';
import { currentGarde } from '../core/instance.js';
import { ConsentController, type GardeHost } from '../controllers/consent-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import { baseStyles } from './base.styles.js';

/**
 * What the three elements share: the garde instance they render (`garde`, else the last one
 * `init()` created), re-rendering after each decision, and the language to render in, which is
 * the instance's `garde.lang`: the language its receipts record, so that a visitor always
 * decides on texts in the language the receipt names.
 *
 * It extends Lit's ReactiveElement and renders with lit-html itself, as LitElement does
 * (`render()` after each update, event listeners bound to the element): the few lines below
 * stand in for LitElement's module, which every visitor would otherwise download too.
 *
 * @property garde - The garde instance to render and call; defaults to the last one `init()`
 *   created. The element renders in its `lang` (`config.lang`, else `<html lang>` at `init()`).
 */
export class GardeElement extends ReactiveElement implements GardeHost {
  static override styles: CSSResultGroup = baseStyles;

  /** The instance given to this element, if any. */
  private __given?: Garde;

  protected localize = new LocalizeController(this);

  constructor() {
    super();
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

  /** The template of the element's shadow root (lit-html), worked out again at each update. */
  render(): unknown {
    return nothing;
  }

  protected override update(changed: PropertyValues): void {
    const view = this.render();
    super.update(changed);
    render(view, this.renderRoot, { host: this });
  }
}
