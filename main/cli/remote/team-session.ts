/**
 * A command through a team server (`--server URL` or PROMISE_SERVER; a self-signed server's
 * certificate fingerprint from `--fingerprint` or PROMISE_SERVER_FINGERPRINT): signs in as
 * `--user NAME` with PROMISE_PASSPHRASE (or the terminal), then calls the contract. Every channel
 * of the server needs a signed-in session, reads included. A refusal or an unreachable server is
 * exit 1 with the server's sentence, as against a local database.
 */
import type { Channel, ChannelResult, Input, Output } from '../../../shared/contract';
import { TeamClient } from '../../team-client/team-client';
import { InputError } from '../args';
import { currentPassphrase } from '../passphrase-input';

export interface ServerFlags {
  server?: string | undefined;
  fingerprint?: string | undefined;
  user?: string | undefined;
}

/** The server a command goes through, or null for a local database. */
export function serverOf(flags: ServerFlags): { url: string; fingerprint?: string } | null {
  const url = flags.server ?? process.env.PROMISE_SERVER;
  if (!url) return null;
  const fingerprint = flags.fingerprint ?? process.env.PROMISE_SERVER_FINGERPRINT;
  return { url, ...(fingerprint ? { fingerprint } : {}) };
}

export class RemoteDesk {
  constructor(
    readonly client: TeamClient,
    /** The signed-in user's passphrase (a change of their own passphrase proves it again). */
    readonly passphrase: string,
  ) {}

  /** The value of a channel's answer; its error as exit 1 (issues one per line). */
  async value<C extends Channel>(channel: C, payload?: Input<C>): Promise<Output<C>> {
    const r: ChannelResult<C> = await this.client.call(channel, payload);
    if (r.ok) return r.value;
    throw new InputError(r.error.message);
  }

  /** The whole answer, for commands that print an error's issues their own way. */
  call<C extends Channel>(channel: C, payload?: Input<C>): Promise<ChannelResult<C>> {
    return this.client.call(channel, payload);
  }
}

/** Connects and signs in; `fn` runs with the session, which is ended afterwards. */
export async function withServer<T>(flags: ServerFlags, fn: (desk: RemoteDesk, where: string) => Promise<T>): Promise<T> {
  const address = serverOf(flags);
  if (!address) throw new InputError('no team server: give --server URL or set PROMISE_SERVER');
  let client: TeamClient;
  try {
    client = new TeamClient(address);
  } catch (e) {
    throw new InputError((e as Error).message);
  }
  try {
    const name = flags.user;
    if (!name) throw new InputError(`the team server at ${client.origin} needs a user: name one with --user NAME (the passphrase from PROMISE_PASSPHRASE or the terminal)`);
    const passphrase = await currentPassphrase(name);
    if (passphrase === null) throw new InputError(`no passphrase for ${name}: set PROMISE_PASSPHRASE or run this in a terminal`);
    const r = await client.signIn(name, passphrase);
    if (!r.ok) throw new InputError(r.error.message);
    if (!r.value.signed_in) throw new InputError(r.value.message);
    const desk = new RemoteDesk(client, passphrase);
    try {
      return await fn(desk, client.origin);
    } finally {
      await client.call('session:signout');
    }
  } finally {
    client.close();
  }
}
