// Charts draw in real pixels rather than scaling a fixed viewBox: scaled down to 320 px, a fixed
// viewBox shrinks its 12 px labels to 6 px. This controller re-renders the host when its width changes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks the content width of its host element in CSS px (0 until first measured). */
export class WidthController implements ReactiveController {
  width = 0;
  private observer?: ResizeObserver;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w !== this.width) {
        this.width = w;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }
}
