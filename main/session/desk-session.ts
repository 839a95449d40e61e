/**
 * Who is signed in to this app (the desktop window, or the browser preview's run). Signing in
 * proves the passphrase once; the session then keeps the user's opened private key here, in the
 * main process only, so that a promise they confirm can be signed there and then. Nothing of it
 * but the name and role ever reaches the renderer. It ends on sign-out, after `idleMinutes`
 * without an action, and as soon as the user is disabled or their key is replaced.
 *
 * Every use reads the user again, so a role changed by an admin applies at once. With no users
 * the database is in single-user mode and the actor is `local` (an admin).
 */
import type { SessionView, SignInAnswer } from '../../shared/contract-promises';
import { permits } from '../../shared/rules/permissions';
import { APP_SOURCE, AuthError, FREE_ATTEMPTS, throttleSeconds, type Actor, type PeopleService } from '../people/people-service';
import { APPROVING_ROLES, type Role } from '../../shared/rules/roles';

export const DEFAULT_IDLE_MINUTES = 15;

/** Thrown where an action needs a user and nobody is signed in; the handlers answer `unauthenticated`. */
export class SignedOutError extends Error {
  constructor(message = 'Sign in first: users exist in this database, and every change names one.') {
    super(message);
    this.name = 'SignedOutError';
  }
}

export interface DeskSessionOptions {
  idleMinutes?: number;
  /** Milliseconds since the epoch (tests move it). */
  clock?: () => number;
  /** Where sign-ins come from, for throttling (`app`, or the preview's `web`). */
  source?: string;
}

interface Current {
  actor: Actor;
  lastActive: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/** Who is signed in: shared by a session and the views of it that serve one request each. */
interface SessionState {
  current: Current | null;
}

type UserRow = Awaited<ReturnType<PeopleService['store']['getUser']>>;

export class DeskSession {
  private readonly state: SessionState;
  readonly idleMinutes: number;
  private readonly clock: () => number;
  readonly source: string;
  /** Set on a request's view: the user as read once for that request. */
  private userRead: { name: string; row: Promise<UserRow> } | null = null;
  private readonly perRequest: boolean;

  constructor(
    readonly people: PeopleService,
    opts: DeskSessionOptions = {},
    shared?: SessionState,
  ) {
    this.idleMinutes = opts.idleMinutes ?? DEFAULT_IDLE_MINUTES;
    this.clock = opts.clock ?? Date.now;
    this.source = opts.source ?? APP_SOURCE;
    this.perRequest = !!shared;
    this.state = shared ?? { current: null };
  }

  private get current(): Current | null {
    return this.state.current;
  }

  private set current(c: Current | null) {
    this.state.current = c;
  }

  /**
   * The same session for one request of a server: the user is read from the store once for the
   * whole request (the door's check, the handler's actor, the role its answer depends on) rather
   * than at every ask: a confirm through the team server made three reads of the same row. A
   * role changed by an admin applies from the next request; signing out applies at once.
   */
  forRequest(): DeskSession {
    return new DeskSession(this.people, { idleMinutes: this.idleMinutes, clock: this.clock, source: this.source }, this.state);
  }

  /** What the renderer may know: mode, name and role, and what to offer. Does not count as activity. */
  async view(): Promise<SessionView> {
    if (await this.people.singleUserMode()) return this.describe('single_user', { name: 'local', role: 'admin' });
    const actor = await this.active(false);
    return actor ? this.describe('signed_in', actor) : this.describe('signed_out', null);
  }

  async signIn(name: string, passphrase: string): Promise<SignInAnswer> {
    if (await this.people.singleUserMode()) {
      return { signed_in: false, problem: 'not_needed', message: 'There are no users yet: everything is allowed as local. Add the first admin under Users.', retry_after_s: null, tries_left: null };
    }
    try {
      const actor = await this.people.signIn(name, passphrase, this.source);
      this.start(actor);
      return { signed_in: true, session: await this.view() };
    } catch (e) {
      if (!(e instanceof AuthError)) throw e;
      if (e.problem === 'disabled') return { signed_in: false, problem: 'disabled', message: `${name} is disabled and can no longer sign in; ask an admin.`, retry_after_s: null, tries_left: null };
      const { wait, failures } = await this.throttle(name);
      if (e.problem === 'throttled') {
        // Refused means a wait was left when the attempt was counted: at least a second to say.
        const w = Math.max(1, wait);
        return { signed_in: false, problem: 'throttled', message: `Too many sign-in attempts for ${name}: wait ${w} s before trying again.`, retry_after_s: w, tries_left: null };
      }
      // An unknown name and a wrong passphrase read the same, so the screen does not tell who exists.
      const left = Math.max(0, FREE_ATTEMPTS - failures);
      return {
        signed_in: false,
        problem: 'wrong',
        message: wait > 0 ? `The name or passphrase is not correct. After repeated wrong passphrases, wait ${wait} s before the next try.` : 'The name or passphrase is not correct.',
        retry_after_s: wait > 0 ? wait : null,
        tries_left: wait > 0 ? null : left,
      };
    }
  }

  /** Signs in a user whose passphrase was just proved some other way (the first admin, added here). */
  async adopt(name: string, passphrase: string): Promise<void> {
    this.start(await this.people.signIn(name, passphrase, this.source));
  }

  signOut(): void {
    if (this.current?.timer) clearTimeout(this.current.timer);
    this.current = null;
  }

  /** Who acts on a change: `local` in single-user mode, else the signed-in user (an action: extends the session). */
  async actor(): Promise<Actor> {
    if (await this.people.singleUserMode()) return this.people.localActor();
    const actor = await this.active(true);
    if (!actor) throw new SignedOutError();
    return actor;
  }

  /** The acting user if any (reads that depend on the role: the approval queue, a promise's actions). */
  async whoever(touch = true): Promise<Actor | null> {
    if (await this.people.singleUserMode()) return this.people.localActor();
    return this.active(touch);
  }

  /** The signed-in actor, refreshed from the store; ends the session when it is no longer valid. */
  private async active(touch: boolean): Promise<Actor | null> {
    const c = this.current;
    if (!c) return null;
    const now = this.clock();
    if (now - c.lastActive >= this.idleMinutes * 60_000) {
      this.signOut();
      return null;
    }
    const user = await this.readUser(c.actor.name);
    // Disabled, or an admin reset the passphrase (a new key): the key held here no longer speaks for them.
    if (!user || user.disabled || user.publicKey !== c.actor.publicKey) {
      this.signOut();
      return null;
    }
    if (user.role !== c.actor.role) c.actor = { ...c.actor, role: user.role };
    if (touch) {
      c.lastActive = now;
      this.arm();
    }
    return c.actor;
  }

  private readUser(name: string): Promise<UserRow> {
    if (!this.perRequest) return this.people.store.activeUser(name);
    if (this.userRead?.name !== name) this.userRead = { name, row: this.people.store.activeUser(name) };
    return this.userRead.row;
  }

  private start(actor: Actor): void {
    this.signOut();
    this.current = { actor, lastActive: this.clock(), timer: null };
    this.arm();
  }

  /** Forgets the opened key when the idle time has passed, even if nothing asks. */
  private arm(): void {
    const c = this.current;
    if (!c) return;
    if (c.timer) clearTimeout(c.timer);
    c.timer = setTimeout(() => {
      if (this.current === c && this.clock() - c.lastActive >= this.idleMinutes * 60_000) this.signOut();
    }, this.idleMinutes * 60_000 + 1000);
    c.timer.unref?.();
  }

  private async throttle(name: string): Promise<{ wait: number; failures: number }> {
    const f = await this.people.store.signInAttempts(name, this.source);
    if (!f) return { wait: 0, failures: 0 };
    const left = Math.ceil(throttleSeconds(f.attempts) - (this.clock() - Date.parse(f.lastAttemptAt)) / 1000);
    return { wait: Math.max(0, left), failures: f.attempts };
  }

  private describe(mode: SessionView['mode'], user: { name: string; role: Role } | null): SessionView {
    const r = user?.role;
    const may = (p: Parameters<typeof permits>[1]) => !!user && permits(user, p);
    return {
      mode,
      user: user ? { name: user.name, role: user.role } : null,
      idle_minutes: this.idleMinutes,
      may: {
        administer_users: may('users:administer'),
        edit_operations: may('tables:edit'),
        fulfil: may('promises:fulfil'),
        approve_for: APPROVING_ROLES.filter((a) => r === 'admin' || r === a),
      },
    };
  }
}
