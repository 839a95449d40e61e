/**
 * The desktop app's main process in team mode: every channel the window calls goes to the team
 * server with the same contract (the renderer does not change), as the signed-in user of this
 * window. What only the desktop can do stays here: file dialogs (the bytes go to or come from the
 * server) and `app:info` (which says which server this is and whether it answers). While the
 * server does not answer, every call is refused with one clear sentence; nothing the user typed
 * is lost (it stays in the window) and the next call tries again.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { contract, isChannel, toIssues, type Channel, type Result } from '../../shared/contract';
import type { SessionView } from '../../shared/contract-promises';
import type { SummaryDialogs, WorkbookDialogs } from '../handlers/context';
import type { TeamClient } from './team-client';

export interface TeamAnswererOptions {
  client: TeamClient;
  app: { name: string; version: string };
  dialogs?: { summaries?: SummaryDialogs; workbooks?: WorkbookDialogs };
}

export const UNREACHABLE =
  'The team server is not answering: checks, drafts and changes are refused until it does. Nothing you typed is lost; Promise Desk keeps trying.';

const SIGNED_OUT: SessionView = { mode: 'signed_out', user: null, idle_minutes: 0, may: { administer_users: false, edit_operations: false, fulfil: false, approve_for: [] } };

export interface TeamAnswerer {
  answer(channel: string, payload: unknown): Promise<Result<unknown>>;
  /** Whether the last call reached the server. */
  readonly reachable: boolean;
}

function readWorkbook(path: string) {
  if (!statSync(path).isDirectory()) return { kind: 'xlsx' as const, name: basename(path), base64: readFileSync(path).toString('base64') };
  const files = readdirSync(path).filter((f) => f.toLowerCase().endsWith('.csv'));
  return { kind: 'csv' as const, name: basename(path), files: files.map((f) => ({ name: f, base64: readFileSync(join(path, f)).toString('base64') })) };
}

export function teamAnswerer(opts: TeamAnswererOptions): TeamAnswerer {
  const { client } = opts;
  let reachable = true;

  async function call(channel: string, payload: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) return { ok: false, error: { code: 'unknown_channel', message: `There is no channel ${JSON.stringify(channel)}.` } };
    const r = (await client.call(channel, payload as never)) as Result<unknown>;
    const down = !r.ok && r.error.code === 'unavailable' && r.error.message.startsWith('The team server at');
    reachable = !down;
    if (down && !r.ok) return { ok: false, error: { code: 'unavailable', message: `${UNREACHABLE} (${r.error.message})` } };
    return r;
  }

  const local: Record<string, (payload: unknown) => Promise<Result<unknown>>> = {
    async 'session:get'() {
      const r = await call('session:get', undefined);
      // Not signed in from here and the server does not answer (the app started while it was
      // down): signed out is the truth still, and the window offers sign-in and Connection
      // instead of waiting. Signed in, the window keeps what it shows and is told it is down.
      if (!r.ok && r.error.code === 'unavailable' && !client.token) return { ok: true, value: SIGNED_OUT };
      return r;
    },
    async 'app:info'() {
      // Asked now and then by the window: a ping that also notices the server answering again.
      await call('app:info', undefined);
      return { ok: true, value: { ...opts.app, runtime: 'electron', database: `team server ${client.origin}`, team: { url: `${client.origin}/`, reachable } } };
    },
    async 'summary:save'(payload) {
      const p = payload as { id: string; copy: string; format: 'pdf' | 'json' };
      const dialogs = opts.dialogs?.summaries;
      if (!dialogs) return { ok: false, error: { code: 'unavailable', message: 'There is no save dialog here.' } };
      const r = await call('summary:export', payload);
      if (!r.ok) return r;
      const file = r.value as { name: string; base64: string };
      const path = await dialogs.chooseSummaryTarget(file.name, p.format);
      if (path === null) return { ok: true, value: null };
      writeFileSync(path, Buffer.from(file.base64, 'base64'));
      return { ok: true, value: { path } };
    },
    async 'workbook:choose'(payload) {
      const dialogs = opts.dialogs?.workbooks;
      if (!dialogs) return { ok: false, error: { code: 'unavailable', message: 'There is no file dialog here.' } };
      const path = await dialogs.chooseWorkbook((payload as { kind: 'xlsx' | 'csv' }).kind);
      if (path === null) return { ok: true, value: null };
      return call('workbook:preview', readWorkbook(path));
    },
    async 'workbook:save'(payload) {
      const p = payload as { what: 'tables' | 'template'; format: 'xlsx' | 'csv' };
      const dialogs = opts.dialogs?.workbooks;
      if (!dialogs) return { ok: false, error: { code: 'unavailable', message: 'There is no save dialog here.' } };
      const r = await call('workbook:download', payload);
      if (!r.ok) return r;
      const d = r.value as { kind: 'xlsx'; name: string; base64: string } | { kind: 'csv'; name: string; files: { name: string; text: string }[] };
      const path = await dialogs.chooseExportTarget(p.format, d.name.replace(/\.xlsx$/i, ''));
      if (path === null) return { ok: true, value: null };
      if (d.kind === 'xlsx') {
        writeFileSync(path, Buffer.from(d.base64, 'base64'));
        return { ok: true, value: { path, files: 1 } };
      }
      mkdirSync(path, { recursive: true });
      for (const f of d.files) writeFileSync(join(path, f.name), f.text);
      return { ok: true, value: { path, files: d.files.length } };
    },
  };

  return {
    async answer(channel, payload) {
      if (!Object.hasOwn(local, channel)) return call(channel, payload);
      // Parsed here too: these never reach the server's dispatch as they came.
      const parsed = contract[channel as Channel].input.safeParse(payload);
      if (!parsed.success) return { ok: false, error: { code: 'bad_input', message: `Bad input for ${channel}.`, issues: toIssues(parsed.error) } };
      return local[channel]!(parsed.data);
    },
    get reachable() {
      return reachable;
    },
  };
}
