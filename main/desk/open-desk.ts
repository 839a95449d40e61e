/**
 * The desk: one store (chosen in main/db/open-store.ts from a file path or a `postgres://` URL)
 * and the services over it, built once per process: the check service (the one engine model),
 * people, promises and the operations store. The desktop app, the browser preview, the team
 * server and the command line all open it here; `close()` closes everything it opened.
 */
import type { OperationsStore } from '../db/operations-store';
import { openStore, type ErrorSink, type OpenedStore } from '../db/open-store';
import type { Store } from '../db/store';
import { PeopleService } from '../people/people-service';
import type { ScryptCost } from '../people/passphrase';
import { CheckService } from '../services/check-service';
import { localToday } from '../services/dates';
import { PromiseService } from '../services/promise-service';
import type { WorkbookTransfer } from '../services/workbook-transfer-service';

export interface Desk {
  checks: CheckService;
  people: PeopleService;
  promises: PromiseService;
  /** The operations workspace's store (tables, history, at risk), on the same database. */
  ops: OperationsStore;
  /** Workbook import (previewed, then applied by its token) and export; loaded on first use (the workbook readers are large). */
  transfer(): Promise<WorkbookTransfer>;
  /** The store every service works on (the Promises list searches it). */
  store: Store;
  /** Where the database is, as it may be shown: a URL never with its password. */
  where: string;
  close(): Promise<void>;
}

export interface DeskOptions {
  /** A fixed "today" (`YYYY-MM-DD`: the preview's and the team server's --as-of, demos, tests). */
  asOf?: string;
  /** The desk's clock (tests); by default noon of `asOf`, or the real time. */
  now?: () => Date;
  /** Fill an empty database with the demo plant of today. */
  seedDemo?: boolean;
  scryptCost?: ScryptCost;
  /**
   * Users, roles and keys on the real clock even with a fixed `asOf` (the team server: its users
   * are added by other processes, on the real clock). By default they follow the desk's clock.
   */
  peopleOnRealClock?: boolean;
  /** Release lapsed holds as it opens (default true; commands that only read leave them). */
  expireHolds?: boolean;
  /**
   * A team database shared with other server instances: follow their holds (the model catches up
   * as soon as they commit) and run the one lapse job across instances (not with a fixed `asOf`).
   */
  share?: { applicationName: string; maxConnections?: number; onError: ErrorSink };
}

/**
 * Connections a team server instance keeps to the database at most (`npm run serve -- --pool N`).
 * More connections than the database has cores make it slower, not faster: each one is a process
 * of the server's, and they wait on the same locks (the holds version row, the pools a confirm
 * locks). Measured on 2 cores with two instances and 50 sellers: 20 a pool, 131 confirms/s;
 * 10, 192/s; 8, 216/s; 6, 235/s (docs/team-server.md: how to size it).
 */
export const SERVER_POOL_SIZE = 8;

/** Noon of a fixed day, so its local date is that day in every time zone's reading. */
export const noonOf = (asOf: string) => () => new Date(`${asOf}T12:00:00`);

export async function openDesk(location: string, opts: DeskOptions = {}): Promise<Desk> {
  const share = opts.share;
  const opened = await openStore(location, share ? { applicationName: share.applicationName, maxConnections: share.maxConnections ?? SERVER_POOL_SIZE, keepOpen: true, onError: share.onError } : {});
  try {
    return await deskOn(opened, opts);
  } catch (e) {
    await opened.store.close();
    throw e;
  }
}

/** The desk over a store already open (tests with a store of their own, a worker per seat). */
export async function deskOver(store: Store, opts: DeskOptions = {}): Promise<Desk> {
  return deskOn({ store, where: '', shared: null }, opts);
}

/** How long a server instance gathers other instances' notices before it catches up on them. */
const CATCH_UP_MS = 20;

async function deskOn(opened: OpenedStore, opts: DeskOptions): Promise<Desk> {
  const { store } = opened;
  const now = opts.now ?? (opts.asOf ? noonOf(opts.asOf) : undefined);
  const checks = new CheckService(store, now ? { now } : {});
  if (opts.seedDemo && (await store.dataVersion()) === null) {
    // Loaded only here: the demo and the workbook reader are not needed to check.
    const { seedDemoIfEmpty } = await import('../services/workbook-service');
    await seedDemoIfEmpty(store, { today: localToday((now ?? (() => new Date()))()), user: checks.user });
  }
  // Users and roles are recorded on the desk's clock (a signature is judged by the signer's role
  // and key at its time). With a fixed day, sign-in waits are measured on the real clock, so they
  // pass in a demo too; a test's clock (`now`) measures them as well.
  const peopleClock = opts.peopleOnRealClock || !now ? {} : opts.now ? { now } : { now, attemptClock: () => new Date() };
  const people = new PeopleService(store.people, { ...peopleClock, ...(opts.scryptCost ? { scryptCost: opts.scryptCost } : {}) });
  const promises = new PromiseService(checks, people, { ops: store.operations, ...(now ? { now } : {}) });
  if (opts.expireHolds !== false) await promises.expireHolds();
  let transfer: Promise<WorkbookTransfer> | null = null;
  const stops: (() => Promise<void> | void)[] = [];
  if (opened.shared && opts.share) {
    const onError = opts.share.onError;
    // Other instances' holds: the model catches up soon after they commit, not at the next check
    // (which catches up anyway). Notices within CATCH_UP_MS share one catch-up: at a hundred
    // confirms a second, the model follows in a few reads, not a hundred. The notice of a change
    // the model has already (this instance's own confirm) needs no read at all.
    let soon: NodeJS.Timeout | null = null;
    const follower = await opened.shared.followHolds((version) => {
      if (checks.reflects(checks.today(), version)) return;
      soon ??= setTimeout(() => {
        soon = null;
        checks.model(checks.today()).catch(() => undefined);
      }, CATCH_UP_MS);
    }, onError);
    stops.push(() => {
      if (soon) clearTimeout(soon);
      return follower.stop();
    });
    // A server builds its model before it answers: the first seller does not wait for it.
    await checks.model(checks.today());
    // On the desk's clock: a server on a fixed day (a demo, the bench) expires by that day.
    stops.push(opened.shared.startExpiryJob(5_000, onError, now));
  }
  return {
    checks,
    people,
    promises,
    ops: store.operations,
    transfer: () => (transfer ??= import('../services/workbook-transfer-service').then((m) => new m.WorkbookTransfer({ checks, ops: store.operations }))),
    store,
    where: opened.where,
    async close() {
      for (const stop of stops.reverse()) await stop();
      await store.close();
    },
  };
}
