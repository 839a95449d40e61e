/** The desktop window asks before closing (or reloading) over unsaved edits: electron mocked. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const m = vi.hoisted(() => {
  const state = { answer: 0, asked: [] as unknown[][] };
  const electron = {
    BrowserWindow: { fromWebContents: (c: { win?: unknown }) => c.win ?? null },
    dialog: { showMessageBoxSync: (...a: unknown[]) => (state.asked.push(a), state.answer) },
  };
  return { state, electron };
});
vi.mock('electron', () => ({ ...m.electron, default: m.electron }));

const { askBeforeLosingEdits, LEAVE_QUESTION } = await import('../../main/shell/unsaved-close');

function contents(win?: unknown) {
  const events = new Map<string, (e: { preventDefault(): void }) => void>();
  const c = { win, on: (name: string, fn: (e: { preventDefault(): void }) => void) => events.set(name, fn) };
  askBeforeLosingEdits(c as never);
  /** The page held its unload: did the shell let the window go anyway? */
  const unloadHeld = () => {
    let leave = false;
    events.get('will-prevent-unload')!({ preventDefault: () => (leave = true) });
    return leave;
  };
  return { unloadHeld };
}

beforeEach(() => {
  m.state.asked = [];
});

describe('closing over unsaved edits', () => {
  it('stays when the person answers Stay (the default, and what Escape gives)', () => {
    m.state.answer = 0;
    const win = { id: 1 };
    expect(contents(win).unloadHeld()).toBe(false);
    expect(m.state.asked).toEqual([[win, LEAVE_QUESTION]]);
    expect(LEAVE_QUESTION.buttons![LEAVE_QUESTION.defaultId!]).toBe('Stay');
    expect(LEAVE_QUESTION.cancelId).toBe(LEAVE_QUESTION.defaultId);
  });

  it('lets the window close or reload when the person chooses to leave', () => {
    m.state.answer = 1;
    expect(LEAVE_QUESTION.buttons![1]).toBe('Leave and lose them');
    expect(contents({ id: 2 }).unloadHeld()).toBe(true);
  });

  it('asks without a parent when the contents has no window', () => {
    m.state.answer = 0;
    contents().unloadHeld();
    expect(m.state.asked).toEqual([[LEAVE_QUESTION]]);
  });
});
