import type { Database } from 'better-sqlite3';

/**
 * Holds belong to open promises only (`promises.md`: cancelling, fulfilling, rejecting or expiring
 * a promise releases what it holds), now kept so by the database for every writer: a promise that
 * leaves the open statuses loses its hold rows, and a hold row for a promise that is not open is
 * refused. Until now every read of the open holds skipped the rows of promises not open itself,
 * looking each of 1.3 million rows up among 200,000 ids at ×10 (0.8 s of opening the database, a
 * sixth: issue #15, speed); it now reads the table as it is. Rows left behind before (none by the
 * app; a hand-written change could) are deleted here. The open promises' ids have an index of
 * their own, so that the check of each hold written (a replan rewrites thousands) reads no row of
 * `promises`. Written out, not imported: a migration stays as it ran.
 */
export const version = 9;
export const name = 'holds-of-open-promises';

const OPEN = `('confirmed', 'awaiting_approval')`;

export function up(db: Database): void {
  db.exec(`
    DELETE FROM promise_holds WHERE promise_id NOT IN (SELECT id FROM promises WHERE status IN ${OPEN});
    CREATE TRIGGER promise_holds_released AFTER UPDATE OF status ON promises WHEN NEW.status NOT IN ${OPEN}
      BEGIN DELETE FROM promise_holds WHERE promise_id = NEW.id; END;
    CREATE UNIQUE INDEX promises_open_by_id ON promises (id) WHERE status IN ${OPEN};
    CREATE TRIGGER promise_holds_open_only BEFORE INSERT ON promise_holds
      WHEN NOT EXISTS (SELECT 1 FROM promises INDEXED BY promises_open_by_id WHERE id = NEW.promise_id AND status IN ${OPEN})
      BEGIN SELECT RAISE(ABORT, 'a hold belongs to a confirmed promise or one awaiting approval'); END;
  `);
}
