/**
 * What the rest of the app needs to know about a team database without loading the PostgreSQL
 * client: whether a location is one, how to show it (never with its password), and the error of
 * a database from a newer version. The store itself is loaded only when one is opened.
 */
export function isPostgresUrl(s: string | undefined): s is string {
  return typeof s === 'string' && /^postgres(ql)?:\/\//i.test(s);
}

/** Where a URL points, without its password (for messages). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export class TeamDatabaseTooNewError extends Error {
  constructor(
    readonly where: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The team database ${where} was migrated by a newer version of Promise Desk (schema version ${found}; ` +
        `this version knows up to ${known}). Update Promise Desk to use it.`,
    );
    this.name = 'TeamDatabaseTooNewError';
  }
}
