/**
 * The users' rows a server instance keeps for its sessions: a request checks its user's role,
 * state and key, and reading the row every time was a round trip to the database per request.
 * A kept row is used only while this process hears the database's notices of changes to users
 * (migration 0005: any change of a row, by anyone, names it); a notice, a change made here, a lost
 * connection or a new one forgets rows. A read that a notice overtook is not kept.
 */
export class UserRows<Row> {
  private readonly rows = new Map<string, Promise<Row>>();
  /** Counts the times rows were forgotten: a read that began before one is not kept. */
  private generation = 0;
  private listening = false;

  /** The row of `key` (lower-case name), kept or read by `load`. */
  get(key: string, load: () => Promise<Row>): Promise<Row> {
    if (!this.listening) return load();
    const kept = this.rows.get(key);
    if (kept) return kept;
    const began = this.generation;
    const row = load();
    this.rows.set(key, row);
    row.then(
      () => {
        if (this.generation !== began && this.rows.get(key) === row) this.rows.delete(key);
      },
      () => {
        if (this.rows.get(key) === row) this.rows.delete(key);
      },
    );
    return row;
  }

  /** A row changed (`key`), or any may have (null). */
  forget(key: string | null): void {
    this.generation++;
    if (key === null) this.rows.clear();
    else this.rows.delete(key);
  }

  /** Whether notices are heard: rows are kept only while they are. */
  setListening(listening: boolean): void {
    this.forget(null);
    this.listening = listening;
  }
}
