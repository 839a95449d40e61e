/** The application menu on each platform, packaged and while developing: items, roles, accelerators, actions. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuActions } from '../../../main/shell/menu';

function build(platform: NodeJS.Platform, packaged: boolean) {
  const called: string[] = [];
  const actions = new Proxy({} as MenuActions, { get: (_t, name: string) => () => called.push(name) });
  return { menu: menuTemplate({ platform, packaged, appName: 'Promise Desk', actions }), called };
}
const items = (m: MenuItemConstructorOptions) => (m.submenu as MenuItemConstructorOptions[]).filter((i) => i.type !== 'separator');
/** Each item as its label or role, for comparing whole menus. */
const names = (m: MenuItemConstructorOptions) => items(m).map((i) => i.label ?? i.role);
const find = (menu: MenuItemConstructorOptions[], top: string, label: string) => items(menu.find((m) => m.label === top)!).find((i) => (i.label ?? i.role) === label)!;

const PLATFORMS = ['darwin', 'win32', 'linux'] as const;

describe('menu bar', () => {
  it.each([
    ['darwin', ['Promise Desk', '&File', '&Edit', '&View', '&Window', '&Help']],
    ['win32', ['&File', '&Edit', '&View', '&Window', '&Help']],
    ['linux', ['&File', '&Edit', '&View', '&Window', '&Help']],
  ] as const)('%s: %j', (platform, tops) => {
    expect(build(platform, true).menu.map((m) => m.label)).toEqual(tops);
  });

  it('macOS has the app menu: About, Check for Updates, Services, Hide, Quit', () => {
    const app = build('darwin', true).menu[0]!;
    expect(names(app)).toEqual(['About Promise Desk', 'Check for Updates…', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });
});

describe('File', () => {
  it.each([
    ['darwin', ['Import Workbook…', 'Export Workbook…', 'Export Summary…', 'close']],
    ['win32', ['Import Workbook…', 'Export Workbook…', 'Export Summary…', 'E&xit']],
    ['linux', ['Import Workbook…', 'Export Workbook…', 'Export Summary…', 'E&xit']],
  ] as const)('%s: %j', (platform, expected) => {
    expect(names(build(platform, true).menu.find((m) => m.label === '&File')!)).toEqual(expected);
  });

  it.each([
    ['Import Workbook…', 'CmdOrCtrl+O', 'importWorkbook'],
    ['Export Workbook…', 'CmdOrCtrl+Shift+S', 'exportWorkbook'],
    ['Export Summary…', 'CmdOrCtrl+E', 'exportSummary'],
  ])('%s: %s, calls %s', (label, accelerator, action) => {
    for (const p of PLATFORMS) {
      const { menu, called } = build(p, true);
      const item = find(menu, '&File', label);
      expect(item.accelerator).toBe(accelerator);
      (item.click as () => void)();
      expect(called).toEqual([action]);
    }
  });

  it.each([
    ['win32', 'Alt+F4'],
    ['linux', 'Ctrl+Q'],
  ] as const)('Exit on %s is the quit role with %s', (platform, accelerator) => {
    expect(find(build(platform, true).menu, '&File', 'E&xit')).toMatchObject({ role: 'quit', accelerator });
  });
});

describe('Edit, View, Window', () => {
  it.each(PLATFORMS)('Edit on %s: the standard roles (their accelerators are electron\'s)', (p) => {
    const expected = ['undo', 'redo', 'cut', 'copy', 'paste', ...(p === 'darwin' ? ['pasteAndMatchStyle'] : []), 'delete', 'selectAll'];
    expect(names(build(p, true).menu.find((m) => m.label === '&Edit')!)).toEqual(expected);
  });

  it.each([
    [true, ['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']],
    [false, ['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']],
  ])('View when packaged=%s: %j (no Reload or developer tools in a packaged build)', (packaged, expected) => {
    for (const p of PLATFORMS) expect(names(build(p, packaged).menu.find((m) => m.label === '&View')!)).toEqual(expected);
  });

  it('a packaged build has no Reload or developer tools anywhere', () => {
    for (const p of PLATFORMS) expect(JSON.stringify(build(p, true).menu)).not.toMatch(/reload|devtools/i);
  });

  it.each([
    ['darwin', ['minimize', 'zoom', 'front']],
    ['win32', ['minimize', 'close']],
    ['linux', ['minimize', 'close']],
  ] as const)('Window on %s: %j', (p, expected) => {
    const w = build(p, true).menu.find((m) => m.label === '&Window')!;
    expect(w.role).toBe('windowMenu');
    expect(names(w)).toEqual(expected);
  });
});

describe('Help', () => {
  it.each([
    ['darwin', ['Workbook Guide', 'Where Is the Database?', 'Open the Log Folder']],
    ['win32', ['Workbook Guide', 'Where Is the Database?', 'Open the Log Folder', 'Check for Updates…', 'About Promise Desk']],
    ['linux', ['Workbook Guide', 'Where Is the Database?', 'Open the Log Folder', 'Check for Updates…', 'About Promise Desk']],
  ] as const)('%s: %j (About and updates are in the app menu on macOS)', (p, expected) => {
    expect(names(build(p, true).menu.find((m) => m.label === '&Help')!)).toEqual(expected);
  });

  it.each([
    ['Workbook Guide', 'workbookGuide'],
    ['Where Is the Database?', 'showDatabase'],
    ['Open the Log Folder', 'openLogFolder'],
    ['Check for Updates…', 'checkForUpdates'],
    ['About Promise Desk', 'about'],
  ])('%s calls %s', (label, action) => {
    const { menu, called } = build('linux', true);
    (find(menu, '&Help', label).click as () => void)();
    expect(called).toEqual([action]);
  });

  it('F1 opens the guide on Windows and Linux', () => {
    expect(find(build('win32', true).menu, '&Help', 'Workbook Guide').accelerator).toBe('F1');
    expect(find(build('darwin', true).menu, '&Help', 'Workbook Guide').accelerator).toBeUndefined();
  });
});
