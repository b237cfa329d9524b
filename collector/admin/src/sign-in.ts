// The sign-in form: checks the token against the collector before letting the site owner in, so
// that a typo is reported here rather than as an empty dashboard.
import { LitElement, css, html, nothing } from 'lit';
import { ApiError, Unauthorized, createApi } from './api.js';
import { SignInEvent } from './events.js';
import { base } from './styles.js';

/** Asks for the admin token; sends `admin-sign-in` once the collector accepted it. */
export class AdminSignIn extends LitElement {
  static override styles = [base, css`:host { max-width: 36rem; }`];
  static override properties = { notice: {}, error: { state: true }, busy: { state: true } };
  /** A message from the app, e.g. why the last session ended. */
  declare notice: string;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.notice = '';
    this.error = '';
    this.busy = false;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  private async onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const input = this.renderRoot.querySelector('input')!;
    const token = input.value.trim();
    this.notice = '';
    if (!token) {
      this.error = 'Enter the admin token.';
      input.focus();
      return;
    }
    // A header cannot carry such a character: fetch would throw, and read as a collector not reached.
    if (!/^[\x21-\x7e]+$/.test(token)) {
      this.error =
        'This token has a character no admin token has (a space, or a dash or letter beyond plain ASCII, as word processors make). Copy it again from where it was made.';
      input.select();
      input.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      await createApi(token).records({ from: '', to: '', version: '', method: '', id: '' }, 1, 1);
      this.dispatchEvent(new SignInEvent(token));
    } catch (err) {
      this.error =
        err instanceof Unauthorized
          ? 'The collector refused this token. Check the value of GARDE_ADMIN_TOKEN it was started with.'
          : err instanceof ApiError
            ? err.message
            : 'Signing in failed.';
      input.select();
      input.focus();
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const message = this.error || this.notice;
    return html`<section class="card" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <p>
        Enter the admin token the collector was started with (<code>GARDE_ADMIN_TOKEN</code>). It is kept in this browser
        tab only and forgotten when the tab is closed.
      </p>
      <p id="sign-in-message" class="error" role="alert">${message || nothing}</p>
      <form @submit=${this.onSubmit}>
        <label for="token">Admin token</label>
        <input id="token" name="token" type="password" autocomplete="current-password" spellcheck="false"
          aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${message ? 'sign-in-message' : nothing} />
        <div class="actions"><button type="submit" ?disabled=${this.busy}>Sign in</button></div>
      </form>
    </section>`;
  }
}
