/**
 * A spreadsheet's keys in the grid: arrows, Page Up/Down and Home/End move (Ctrl+Home/End to the
 * corners), Enter and F2 edit, Delete and Backspace clear. Returns what a key does, or undefined
 * when the grid leaves the key alone (typing starts an edit elsewhere).
 */
export interface GridKeyActions {
  moveTo(index: number, col: number): void;
  startEdit(): void;
  clear(): void;
}

export function gridKeyAction(
  key: string,
  ctrl: boolean,
  at: { index: number; col: number; page: number; rows: number; cols: number },
  act: GridKeyActions,
): (() => void) | undefined {
  const { index, col, page } = at;
  const keys: Record<string, () => void> = {
    ArrowDown: () => act.moveTo(index + 1, col),
    ArrowUp: () => act.moveTo(index - 1, col),
    ArrowRight: () => act.moveTo(index, col + 1),
    ArrowLeft: () => act.moveTo(index, col - 1),
    PageDown: () => act.moveTo(index + page, col),
    PageUp: () => act.moveTo(index - page, col),
    Home: () => (ctrl ? act.moveTo(0, 0) : act.moveTo(index, 0)),
    End: () => (ctrl ? act.moveTo(at.rows - 1, at.cols - 1) : act.moveTo(index, at.cols - 1)),
    Enter: () => act.startEdit(),
    F2: () => act.startEdit(),
    Delete: () => act.clear(),
    Backspace: () => act.clear(),
  };
  const f = keys[key];
  // Ctrl with anything but Home and End belongs to the browser (copy, paste, find).
  return f && !(ctrl && key !== 'Home' && key !== 'End') ? f : undefined;
}
