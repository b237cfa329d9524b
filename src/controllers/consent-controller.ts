import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Garde } from '../core/types.js';

/** A host that knows which garde instance it renders: its own `garde`, else `currentGarde()`. */
export interface GardeHost extends ReactiveControllerHost {
  readonly g: Garde | null;
}

/**
 * Re-renders its host after every decision or withdrawal. Subscribes to `garde.onChange` while the
 * host is connected; re-subscribes when the host's instance changes (a page or test that calls
 * `init()` again), so an old instance never keeps a detached element alive.
 */
export class ConsentController implements ReactiveController {
  private g: Garde | null = null;
  private off?: () => void;

  constructor(private host: GardeHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sub();
  }

  hostUpdate(): void {
    if (this.host.g != this.g) this.sub();
  }

  hostDisconnected(): void {
    this.off?.();
    this.off = undefined;
    this.g = null;
  }

  private sub(): void {
    this.off?.();
    this.g = this.host.g;
    this.off = this.g?.onChange(() => this.host.requestUpdate());
  }
}
