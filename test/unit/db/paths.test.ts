import { describe, expect, it } from 'vitest';
import { appDatabasePath, defaultDbPath, resolveDatabasePath, userDataDir } from '../../../main/db/paths';

describe('database paths', () => {
  it.each([
    ['linux', { }, '/home/ana', '/home/ana/.config/Promise Desk/promise-desk.db'],
    ['linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana', '/cfg/Promise Desk/promise-desk.db'],
    ['darwin', {}, '/Users/ana', '/Users/ana/Library/Application Support/Promise Desk/promise-desk.db'],
    ['win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana', 'C:\\Users\\ana\\AppData\\Roaming\\Promise Desk\\promise-desk.db'],
    ['win32', {}, 'C:\\Users\\ana', 'C:\\Users\\ana\\AppData\\Roaming\\Promise Desk\\promise-desk.db'],
  ] as const)('%s %j: the app database is %s', (platform, env, home, expected) => {
    expect(appDatabasePath({ platform, env, home })).toBe(expected);
  });

  it('--db wins, then PROMISE_DB, then the app database', () => {
    const e = { platform: 'linux' as const, env: { PROMISE_DB: '/data/x.db' }, home: '/home/ana' };
    expect(resolveDatabasePath('/tmp/a.db', e)).toEqual({ path: '/tmp/a.db', isDefault: false });
    expect(resolveDatabasePath(undefined, e)).toEqual({ path: '/data/x.db', isDefault: false });
    expect(resolveDatabasePath(undefined, { ...e, env: {} })).toEqual({ path: '/home/ana/.config/Promise Desk/promise-desk.db', isDefault: true });
    expect(defaultDbPath(undefined, { ...e, env: {} })).toBe('/home/ana/.config/Promise Desk/promise-desk.db');
    expect(userDataDir({ ...e, env: {} })).toBe('/home/ana/.config/Promise Desk');
  });
});
