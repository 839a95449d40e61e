/**
 * Where the desktop app's data is, chosen on first run and in Settings (`connection:get/set`),
 * kept in a small JSON file in the app's data folder: this computer (the local desk over SQLite,
 * as before) or a team server. The shell hands every window call to `answer`; in team mode it goes
 * to the server (team-answerer.ts), and the server's change events are passed on to the window.
 * No electron here, so all of it is tested in Node.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { contract, toIssues, type Result } from '../../shared/contract';
import { connectionChoice, type ConnectionView } from '../../shared/contract-connection';
import type { HandlerContext } from '../handlers/context';
import { dispatch } from '../handlers/dispatch';
import { followChanges } from './event-stream';
import { TeamClient } from './team-client';
import { teamAnswerer, type TeamAnswererOptions, type TeamAnswerer } from './team-answerer';

const saved = z.union([z.object({ mode: z.literal('local') }), z.object({ mode: z.literal('team'), url: z.string(), fingerprint: z.string().nullable() })]);
type Saved = z.output<typeof saved>;

export interface LocalDesk {
  ctx: HandlerContext;
  close(): Promise<void>;
}

export interface DesktopConnectionOptions {
  settingsFile: string;
  openLocal(): Promise<LocalDesk>;
  app: TeamAnswererOptions['app'];
  dialogs?: TeamAnswererOptions['dialogs'];
  /** Tells the window that someone else changed data (through the team server). */
  notify(): void;
  /** The command line named this computer's database: the choice is neither read nor changed. */
  localOnly?: boolean;
}

interface Team {
  client: TeamClient;
  answerer: TeamAnswerer;
  stopFollow: (() => void) | null;
}

export function readConnection(file: string): Saved | null {
  try {
    return saved.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

export class DesktopConnection {
  private local: LocalDesk | null = null;
  private team: Team | null = null;
  private choice: Saved | null;

  constructor(private readonly opts: DesktopConnectionOptions) {
    this.choice = opts.localOnly ? { mode: 'local' } : readConnection(opts.settingsFile);
    if (this.choice?.mode === 'team') this.team = this.teamFor(this.choice.url, this.choice.fingerprint);
  }

  /** Opens this computer's database at start unless a team server was chosen (first run included: the demo plant is ready). */
  async ready(): Promise<void> {
    if (!this.team) this.local ??= await this.opts.openLocal();
  }

  view(): ConnectionView {
    const c = this.choice;
    return { mode: c ? c.mode : 'unset', url: c?.mode === 'team' ? c.url : null, fingerprint: c?.mode === 'team' ? c.fingerprint : null };
  }

  async answer(channel: string, payload: unknown): Promise<Result<unknown>> {
    if (channel === 'connection:get') return { ok: true, value: this.view() };
    if (channel === 'connection:set') return this.choose(payload);
    if (this.team) {
      const r = await this.team.answerer.answer(channel, payload);
      if (r.ok && channel === 'session:signin' && (r.value as { signed_in: boolean }).signed_in) this.follow(this.team);
      if (channel === 'session:signout') this.stopFollowing();
      return r;
    }
    // On this computer the one window makes every change and refreshes itself.
    this.local ??= await this.opts.openLocal();
    return dispatch(channel, payload, this.local.ctx);
  }

  private teamFor(url: string, fingerprint: string | null): Team {
    const client = new TeamClient({ url, ...(fingerprint ? { fingerprint } : {}) });
    return { client, answerer: teamAnswerer({ client, app: this.opts.app, ...(this.opts.dialogs ? { dialogs: this.opts.dialogs } : {}) }), stopFollow: null };
  }

  private follow(team: Team): void {
    team.stopFollow?.();
    team.stopFollow = followChanges(team.client, {
      onEvent: () => this.opts.notify(),
      // Back after a break: something may have changed meanwhile. Refused: the session ended
      // (idle, signed out elsewhere, the server restarted): the window looks again and asks to sign in.
      onState: (s) => s !== 'reconnecting' && this.opts.notify(),
    });
  }

  private stopFollowing(): void {
    this.team?.stopFollow?.();
    if (this.team) this.team.stopFollow = null;
  }

  private async choose(payload: unknown): Promise<Result<unknown>> {
    const parsed = contract['connection:set'].input.safeParse(payload);
    if (!parsed.success) return { ok: false, error: { code: 'bad_input', message: 'Bad input for connection:set.', issues: toIssues(parsed.error) } };
    const c = connectionChoice.parse(parsed.data);
    if (this.opts.localOnly) return { ok: true, value: { ok: false, message: 'Promise Desk was started with a database named on its command line (--db or PROMISE_DB): it works on that database until started without it.' } };
    let next: Saved;
    let team: Team | null = null;
    if (c.mode === 'team') {
      const fingerprint = c.fingerprint ? c.fingerprint : null;
      try {
        team = this.teamFor(c.url, fingerprint);
      } catch (e) {
        return { ok: true, value: { ok: false, message: (e as Error).message } };
      }
      const info = await team.client.call('app:info');
      if (!info.ok) {
        team.client.close();
        return { ok: true, value: { ok: false, message: info.error.message } };
      }
      next = { mode: 'team', url: c.url, fingerprint };
    } else next = { mode: 'local' };
    this.stopFollowing();
    this.team?.client.close();
    this.team = team;
    this.choice = next;
    mkdirSync(dirname(this.opts.settingsFile), { recursive: true });
    writeFileSync(this.opts.settingsFile, JSON.stringify(next, null, 2), { mode: 0o600 });
    return { ok: true, value: { ok: true, connection: this.view() } };
  }

  async close(): Promise<void> {
    this.stopFollowing();
    this.team?.client.close();
    await this.local?.close();
  }
}
