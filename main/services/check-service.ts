/**
 * The promise check as the command line, the desktop app and the browser preview run it:
 * store → plant and open holds → engine model → validate → check. Recording a promise is the
 * promise service's (behind the role gate); this service only checks, and locks for it.
 *
 * The model is built once per data version and as-of date and then follows the store's hold log,
 * so neither a check nor a confirm rebuilds it; a change by another process is seen the same way.
 */
import { addHolds, buildModel, poolOfHold, poolsRead, releaseHolds, runCheck, validateRequest, type Hold, type PlantModel } from '../../shared/engine';
import type { CapacityLock, HoldsUpdate, LockedDecision } from '../db/capacity-lock';
import { customerIssues, type CheckRequest, type CheckResult, type RequestIssue } from '../../shared/schemas/check';
import type { PlantSnapshot, PromiseFilter, PromiseSummary, Store } from '../db/store';
import { localToday } from './dates';

/** A request checked against the current tables and holds: the answer and what it would hold, or why not. */
export type CheckedRequest =
  | { ok: true; result: CheckResult; request: CheckRequest; holds: Hold[]; holdsVersion: number }
  | { ok: false; kind: 'request'; issues: RequestIssue[] }
  | { ok: false; kind: 'no_plant'; message: string };

/** A capacity lock and what the check inside it found (null until the store ran it). */
export interface LockHandle {
  lock: CapacityLock;
  decided(): LockedDecision | null;
  /**
   * The change committed what was decided as holds version `version`: the model takes its holds
   * at once when it is at the version just before (no other change in between), rather than
   * reading its own change back from the log.
   */
  committed(version: number): void;
}

export const NO_PLANT_MESSAGE = 'The database has no operations tables yet: import a workbook first.';

export interface CheckServiceOptions {
  /** Who acts (recorded with promises); `local` in single-user mode. */
  user?: string;
  /** The clock, for expiring holds and for "today". */
  now?: () => Date;
}

interface CachedModel {
  plant: PlantSnapshot;
  asOf: string;
  holdsVersion: number;
  model: PlantModel;
}

type ModelNow = { model: PlantModel; holdsVersion: number };

export class CheckService {
  private plant: PlantSnapshot | null = null;
  private cached: CachedModel | null = null;
  /** The refresh running now, and the one that will run after it (see `refreshed`). */
  private running: { asOf: string; run: Promise<ModelNow | null> } | null = null;
  private queued: { asOf: string; run: Promise<ModelNow | null> } | null = null;
  private readonly now: () => Date;
  readonly user: string;

  constructor(
    readonly store: Store,
    opts: CheckServiceOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    this.user = opts.user ?? 'local';
  }

  /** Today's local date: the as-of date when none is given. */
  today(): string {
    return localToday(this.now());
  }

  /** The current tables (re-read only when their data version changed). */
  async loadPlant(): Promise<PlantSnapshot | null> {
    const version = await this.store.dataVersion();
    if (version === null) return (this.plant = null);
    if (this.plant?.dataVersion !== version) this.plant = await this.store.loadPlant();
    return this.plant;
  }

  /** Whether the model as of `asOf` already reflects holds version `version` (its own confirms, say). */
  reflects(asOf: string, version: number): boolean {
    return this.cached?.asOf === asOf && this.cached.holdsVersion >= version;
  }

  /**
   * The tables this process has just stored as `plant.dataVersion` (a save of edits), kept as the
   * current ones: reading 100,000 rows back through their schemas was most of a save's time.
   * Only the version the store reports is ever returned, so another writer's tables are still read.
   */
  remember(plant: PlantSnapshot): void {
    this.plant = plant;
  }

  /**
   * The engine model as of `asOf` with every open promise's holds taken, and the holds version it
   * reflects. Built once per data version and day; after that it follows the store's hold log
   * (promises confirmed, released, expired — by this process or another) incrementally.
   */
  async model(asOf: string): Promise<ModelNow | null> {
    await this.store.expireHolds(this.now().toISOString());
    return this.refreshed(asOf);
  }

  /**
   * A refresh that starts after this call. On a server every check, every confirm and every
   * other instance's notice asks for one; one runs at a time, and the calls made while it runs
   * share the next one, so fifty sellers cost two reads of the hold log, not fifty.
   */
  private refreshed(asOf: string): Promise<ModelNow | null> {
    if (!this.running) return this.startRefresh(asOf);
    if (this.running.asOf !== asOf) return this.refresh(asOf);
    if (this.queued?.asOf === asOf) return this.queued.run;
    const run = this.running.run
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.startRefresh(asOf);
      });
    this.queued = { asOf, run };
    return run;
  }

  private startRefresh(asOf: string): Promise<ModelNow | null> {
    const run = this.refresh(asOf).finally(() => {
      if (this.running?.run === run) this.running = null;
    });
    this.running = { asOf, run };
    return run;
  }

  private async refresh(asOf: string): Promise<ModelNow | null> {
    const c = this.cached;
    if (c && c.asOf === asOf) {
      // One read says both whether the tables changed and which holds did.
      const log = await this.store.holdChangesSince(c.holdsVersion);
      if (log && log.dataVersion === c.plant.dataVersion) {
        this.catchUp(c, { version: log.version, changes: log.changes });
        return { model: c.model, holdsVersion: c.holdsVersion };
      }
    }
    const plant = await this.loadPlant();
    if (!plant) return null;
    // The holds and their version in one snapshot: a confirm in between is never counted twice.
    // An import between the two reads is seen at the next refresh (the log's data version).
    const { holdsVersion, model } = await this.fromOpenHolds(plant, asOf);
    this.cached = { plant, asOf, holdsVersion, model };
    return { model, holdsVersion };
  }

  /**
   * Brings a cached model up to date; idempotent (a change it has seen already is skipped), so a
   * transaction retried after a lost connection, or two changes of this process at once, never
   * count a hold twice.
   */
  private catchUp(c: CachedModel, update: HoldsUpdate): void {
    if (update.holds) {
      c.model = buildModel(c.plant.workbook, { asOf: c.asOf, dataVersion: c.plant.dataVersion, holds: update.holds });
      c.holdsVersion = update.version;
      return;
    }
    for (const change of update.changes) {
      if (change.version <= c.holdsVersion) continue;
      releaseHolds(c.model, change.released);
      addHolds(c.model, change.added);
      c.holdsVersion = change.version;
    }
  }

  /**
   * A lock for a change of promises on `request` (validated): the store locks the pools the check
   * reads, this process's model is brought up to date inside the lock and the request checked
   * again on it; `accept` says whether that answer allows the change.
   */
  async lockFor(request: CheckRequest, asOf: string, accept: (r: CheckResult) => boolean): Promise<LockHandle | null> {
    // The model as the check before left it: inside the lock it is brought up to date anyway,
    // and a change of the tables meanwhile is refused there (`plant_changed`) and checked again.
    if (this.cached?.asOf !== asOf && !(await this.model(asOf))) return null;
    const c = this.cached;
    if (!c) return null;
    let decided: LockedDecision | null = null;
    const lock: CapacityLock = {
      pools: poolsRead(c.model, request),
      dataVersion: c.plant.dataVersion,
      get since() {
        return c.holdsVersion;
      },
      decide: (update) => {
        this.catchUp(c, update);
        decided = runCheck(c.model, request);
        return accept(decided.result) ? decided : null;
      },
    };
    const committed = (version: number) => {
      // A new promise (or a draft becoming one) adds its holds and releases none.
      if (decided && this.cached === c && c.holdsVersion === version - 1) this.catchUp(c, { version, changes: [{ version, added: decided.holds, released: [] }] });
    };
    return { lock, decided: () => decided, committed };
  }

  /**
   * A lock for a check on a model of its own: every open hold but those of `except` (a promise
   * re-checked with its own holds released: approve, re-promise). `check` returns null when the
   * request no longer validates.
   */
  async lockWithout(except: string, exceptHolds: readonly Hold[], request: CheckRequest, asOf: string, accept: (r: CheckResult) => boolean): Promise<LockHandle | null> {
    const plant = await this.loadPlant();
    if (!plant) return null;
    const shape = buildModel(plant.workbook, { asOf, dataVersion: plant.dataVersion });
    let decided: LockedDecision | null = null;
    const lock: CapacityLock = {
      pools: [...new Set([...poolsRead(shape, request), ...exceptHolds.map(poolOfHold)])].sort(),
      dataVersion: plant.dataVersion,
      since: 0,
      allHolds: { except },
      decide: (update) => {
        const model = buildModel(plant.workbook, { asOf, dataVersion: plant.dataVersion, holds: update.holds ?? [] });
        decided = runCheck(model, request);
        return accept(decided.result) ? decided : null;
      },
    };
    // Its own holds are released as well as the new ones added: the log brings the model up to date.
    return { lock, decided: () => decided, committed: () => {} };
  }

  /** A model of `plant` with every open hold, and the holds version it makes up (one snapshot; the holds are never all kept). */
  private async fromOpenHolds(plant: PlantSnapshot, asOf: string): Promise<{ holdsVersion: number; model: PlantModel }> {
    const { version, holds } = await this.store.packedOpenHolds();
    return { holdsVersion: version, model: buildModel(plant.workbook, { asOf, dataVersion: plant.dataVersion, packed: holds }) };
  }

  /**
   * "Check again with this promise's holds released" (approve, re-promise): `request` checked as of
   * `asOf` against the current tables and every open hold but `own`; holds nothing. The caller
   * releases lapsed holds first.
   */
  async checkWithout(own: readonly Hold[], request: unknown, asOf: string): Promise<CheckedRequest> {
    const plant = await this.loadPlant();
    if (!plant) return { ok: false, kind: 'no_plant', message: NO_PLANT_MESSAGE };
    const { holdsVersion, model } = await this.fromOpenHolds(plant, asOf);
    releaseHolds(model, own);
    const v = validateRequest(model, request);
    if (!v.ok) return { ok: false, kind: 'request', issues: v.issues };
    const { result, holds } = runCheck(model, v.value);
    return { ok: true, result, request: v.value, holds, holdsVersion };
  }

  /**
   * Checks a request (any JSON value: it is validated here); holds nothing. `asItIs`: on the
   * model as it is, without asking the store what changed (a change checks again inside its lock).
   */
  async check(request: unknown, asOf: string = this.today(), opts: { asItIs?: boolean } = {}): Promise<CheckedRequest> {
    const c = this.cached;
    const m = opts.asItIs && c?.asOf === asOf ? { model: c.model, holdsVersion: c.holdsVersion } : await this.model(asOf);
    if (!m) return { ok: false, kind: 'no_plant', message: NO_PLANT_MESSAGE };
    const v = validateRequest(m.model, request);
    if (!v.ok) return { ok: false, kind: 'request', issues: v.issues };
    const { result, holds } = runCheck(m.model, v.value);
    return { ok: true, result, request: v.value, holds, holdsVersion: m.holdsVersion };
  }

  /** A check for a promise or a draft: as `check`, and a customer is required (`promise-check.md`). */
  async checkToRecord(request: unknown, asOf: string = this.today(), opts: { asItIs?: boolean } = {}): Promise<CheckedRequest> {
    const c = await this.check(request, asOf, opts);
    if (!c.ok) return c;
    const issues = customerIssues(c.request);
    return issues.length ? { ok: false, kind: 'request', issues } : c;
  }

  async listPromises(filter: PromiseFilter = {}): Promise<PromiseSummary[]> {
    await this.store.expireHolds(this.now().toISOString());
    return this.store.listPromises(filter);
  }
}
