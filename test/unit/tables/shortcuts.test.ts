/** Which key does what on the Tables screen, in a text box and outside one. */
import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../../renderer/screens/tables/use-shortcuts';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({ key: k, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt });

describe('the Tables screen’s shortcuts', () => {
  it.each([
    [key('s', { ctrl: true }), false, 'save'],
    [key('s', { meta: true }), true, 'save'],
    [key('f', { ctrl: true }), true, 'find'],
    [key('z', { ctrl: true }), false, 'undo'],
    [key('Z', { ctrl: true, shift: true }), false, 'redo'],
    [key('y', { ctrl: true }), false, 'redo'],
    // In a text box Ctrl+Z and Ctrl+Y belong to the text being typed.
    [key('z', { ctrl: true }), true, null],
    [key('y', { ctrl: true }), true, null],
    [key('s'), false, null],
    [key('s', { ctrl: true, alt: true }), false, null],
    [key('d', { ctrl: true }), false, null],
  ])('%o (typing: %s) → %s', (e, typing, expected) => {
    expect(shortcutFor(e, typing)).toBe(expected);
  });
});
