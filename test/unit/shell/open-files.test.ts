/** Which files the app opens from a command line, a second launch or the OS, and as what. */
import { describe, expect, it } from 'vitest';
import { filesFromArgv, openKind } from '../../../main/shell/open-files';

describe('openKind', () => {
  it.each([
    ['plant.xlsx', 'workbook'],
    ['/a/B.XLSX', 'workbook'],
    ['P-000001-customer.pdf', 'summary'],
    ['summary.JSON', 'summary'],
    ['plant.xls', null],
    ['plant.csv', null],
    ['promise-desk.db', null],
    ['folder', null],
    ['.xlsx', null],
  ] as const)('%s → %s', (path, kind) => {
    expect(openKind(path)).toBe(kind);
  });
});

describe('filesFromArgv', () => {
  it.each([
    ['a packaged launch with a workbook', ['/opt/Promise Desk/promise-desk', '/home/a/plant.xlsx'], '/home/a', ['/home/a/plant.xlsx']],
    ['relative to the second launch’s folder', ['promise-desk', 'q/summary.pdf', 'x.json'], '/work', ['/work/q/summary.pdf', '/work/x.json']],
    ['options and their values are not files', ['electron', '.', '--db', 'team.json', '--inspect', '--flag=a.pdf', 'plant.xlsx'], '/w', ['/w/plant.xlsx']],
    ['files the app does not open are left', ['app', 'notes.txt', 'plant.csv', 'promise-desk.db'], '/w', []],
    ['nothing but the executable', ['app'], '/w', []],
  ])('%s', (_name, argv, cwd, files) => {
    expect(filesFromArgv(argv, cwd)).toEqual(files);
  });
});
