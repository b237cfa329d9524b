import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Garde } from '../core/types.js';

/** A host that knows which garde instance it renders: its own, else `currentGarde()`. */
export interface GardeHost extends ReactiveControllerHost {
  readonly garde: Garde | null;
}

/**
 * Re-renders its host after every decision or withdrawal. Subscribes to `garde.onChange` while the
 * host is connected; re-subscribes when the host's instance changes (a page or test that calls
 * `init()` again), so an old instance never keeps a detached element alive.
 */
export class ConsentController implements ReactiveController {
  private __garde: Garde | null = null;
  private __unsubscribe?: () => void;

  constructor(private __host: GardeHost) {
    __host.addController(this);
  }

  hostConnected(): void {
    this.__subscribe();
  }

  hostUpdate(): void {
    if (this.__host.garde !== this.__garde) this.__subscribe();
  }

  hostDisconnected(): void {
    this.__unsubscribe?.();
    this.__unsubscribe = undefined;
    this.__garde = null;
  }

  private __subscribe(): void {
    this.__unsubscribe?.();
    this.__garde = this.__host.garde;
    this.__unsubscribe = this.__garde?.onChange(() => this.__host.requestUpdate());
  }
}
