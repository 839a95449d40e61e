/**
 * Checks the request as the user types: ~150 ms after the last change, one `check:run`.
 * While a newer request is waiting or running, the last answer is kept but marked stale (the
 * screen dims it and says "updating"), and an answer to an older request is dropped, so what is
 * shown as current always belongs to what is on the screen.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../shared/contract';
import type { CheckRequestInput, CheckResult } from '../../shared/schemas/check';
import { useChangedElsewhere } from '../data-events';
import { useApi } from './use-api';

export const CHECK_DEBOUNCE_MS = 150;

export interface LiveCheck {
  result: CheckResult | null;
  error: AppError | null;
  /** The request on screen differs from the one `result`/`error` answer. */
  stale: boolean;
  /** A call is on its way (or waiting for the debounce). */
  pending: boolean;
}

export function useLiveCheck(request: CheckRequestInput | null): LiveCheck {
  const api = useApi();
  const key = request ? JSON.stringify(request) : '';
  const [state, setState] = useState<{ key: string; result: CheckResult | null; error: AppError | null }>({ key: '', result: null, error: null });
  const seq = useRef(0);
  // Someone else confirmed, approved or changed the tables: the answer on screen is checked again.
  const [changes, setChanges] = useState(0);
  useChangedElsewhere(useCallback(() => setChanges((n) => n + 1), []));

  useEffect(() => {
    const mine = ++seq.current;
    if (!key) return;
    const timer = setTimeout(() => {
      void api.call('check:run', { request: JSON.parse(key) as unknown }).then((r) => {
        if (mine !== seq.current) return; // a newer request was made meanwhile: this answer is old
        setState(r.ok ? { key, result: r.value, error: null } : { key, result: null, error: r.error });
      });
    }, CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, key, changes]);

  if (!key) return { result: null, error: null, stale: false, pending: false };
  const stale = state.key !== key;
  return { result: state.result, error: state.error, stale, pending: stale };
}
