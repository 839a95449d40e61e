/** Undo and redo step by step, as a person presses Ctrl+Z and Ctrl+Y. */
import { describe, expect, it } from 'vitest';
import { record, redo, startStack, undo } from '../../../renderer/screens/tables/undo-stack';

describe('the undo stack', () => {
  it('undoes and redoes each change in turn', () => {
    let s = startStack('a');
    s = record(s, 'b');
    s = record(s, 'c');
    const seen: string[] = [];
    for (const step of [undo, undo, undo, redo, redo, redo, undo]) {
      s = step(s);
      seen.push(s.present);
    }
    expect(seen).toEqual(['b', 'a', 'a', 'b', 'c', 'c', 'b']);
  });

  it('forgets what was undone once something new is done', () => {
    let s = record(record(startStack(1), 2), 3);
    s = record(undo(undo(s)), 9);
    expect([s.present, s.past, s.future]).toEqual([9, [1], []]);
    expect(redo(s)).toBe(s);
  });

  it('records nothing for a change that changes nothing', () => {
    const s = record(startStack('a'), 'b');
    expect(record(s, 'b')).toBe(s);
  });

  it('keeps at most the limit of steps back', () => {
    let s = startStack(0);
    for (let i = 1; i <= 10; i++) s = record(s, i, 3);
    expect(s.past).toEqual([7, 8, 9]);
    for (let i = 0; i < 5; i++) s = undo(s);
    expect(s.present).toBe(7);
  });
});
