/** What changes of holds look like to a model that follows them (the hold log, a capacity lock). */
import type { Hold } from '../../shared/engine/types';

/** What one bump of the holds version changed: holds that started and stopped counting. */
export interface HoldDelta {
  added: readonly Hold[];
  released: readonly Hold[];
}

export interface HoldChanges {
  /** The holds version now. */
  version: number;
  /**
   * The tables' data version read in the same snapshot: a model built on other tables must be
   * rebuilt whatever the log says (one read tells a follower both).
   */
  dataVersion: string | null;
  /** The changes after the asked version, in order. */
  changes: (HoldDelta & { version: number })[];
}
