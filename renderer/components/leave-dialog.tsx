/**
 * The question before unsaved work is left behind: a modal dialog (focus inside it, Escape
 * stays), "Stay" first so that a hurried Enter loses nothing.
 */
import { useEffect, useRef, useState } from 'react';
import { leaveTo, onAskToLeave, type Unsaved } from '../unsaved';

export function LeaveDialog() {
  const [ask, setAsk] = useState<{ target: string; u: Unsaved } | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => onAskToLeave((target, u) => setAsk({ target, u })), []);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (ask && !d.open) {
      // jsdom (component tests) has neither showModal nor close.
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    } else if (!ask && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [ask]);
  return (
    <dialog ref={ref} className="leave-dialog" aria-labelledby="leave-title" aria-describedby="leave-text" onClose={() => setAsk(null)}>
      <h2 id="leave-title">Leave without saving?</h2>
      <p id="leave-text">{ask ? `${ask.u.what} would be lost. Stay to save them (Ctrl+S).` : ''}</p>
      <div className="dialog-actions">
        <button type="button" onClick={() => setAsk(null)}>
          Stay
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const target = ask?.target;
            setAsk(null);
            if (target !== undefined) leaveTo(target);
          }}
        >
          Leave and lose them
        </button>
      </div>
    </dialog>
  );
}
