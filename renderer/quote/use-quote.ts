/**
 * The quote on the Check screen: kept per user (quote-store.ts) as it is typed, opened from a saved
 * draft (`#/check/P-000012`: continue it) or copied from any promise or draft
 * (`#/check/copy-P-000012`: a new quote with its customer, region, mode and lines). Opening one
 * over a quote in progress asks first, so nothing typed is lost without asking.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlantSummary } from '../../shared/contract';
import type { PromiseDetail } from '../../shared/contract-promises';
import { useApi } from '../hooks/use-api';
import { useSession } from '../hooks/use-session';
import { hrefTo, useRoute } from '../navigation';
import { initialDraft, newLine, type Draft } from './check-draft';
import { clearQuote, hasContent, loadQuote, saveQuote } from './quote-store';

export interface Quote {
  draft: Draft | null;
  setDraft(d: Draft): void;
  /** The saved draft this quote continues, if any. */
  from: string | null;
  /** Said once after opening a promise or draft ("Continuing draft P-000012."). */
  notice: string | null;
  /** Starts a new empty quote (asks first when something was typed). */
  clear(): void;
  /** The quote was sent or saved: it is no longer kept (it stays on screen until changed). */
  done(): void;
}

/** A promise's request as a quote (prices and quantities as plain numbers, which every locale accepts). */
export function draftFrom(p: PromiseDetail): Draft {
  return {
    customer: p.result.customer,
    region: p.result.region,
    mode: p.result.mode,
    lines: p.result.lines.map((l) => ({ ...newLine(l.requested_date), sku: l.sku, qty: String(l.qty), unit_price: l.unit_price.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''), priceEdited: true })),
  };
}

const ask = (question: string) => (typeof window.confirm === 'function' ? window.confirm(question) : true);

export function useQuote(summary: PlantSummary | null): Quote {
  const api = useApi();
  const { session } = useSession();
  const user = session?.user?.name ?? 'local';
  const route = useRoute();
  /** `kept`: false once sent or saved, until the quote changes again. */
  const [state, setState] = useState<{ user: string; draft: Draft | null; from: string | null; kept: boolean }>({ user, draft: null, from: null, kept: true });
  const [notice, setNotice] = useState<string | null>(null);
  const current = useRef(state);
  current.current = state;

  // The kept quote of this user, or a new one, once the plant is known.
  useEffect(() => {
    if (!summary) return;
    setState((s) => {
      if (s.draft && s.user === user) return s;
      const kept = loadQuote(user);
      return { user, draft: kept?.draft ?? initialDraft(summary), from: kept?.from ?? null, kept: true };
    });
  }, [summary, user]);

  // Kept on every change; an empty quote is not kept.
  useEffect(() => {
    if (!state.draft || state.user !== user || !state.kept) return;
    if (hasContent(state.draft)) saveQuote(user, { draft: state.draft, from: state.from });
    else clearQuote(user);
  }, [state, user]);

  // Opening a promise or draft from its address.
  const param = route.screen === 'check' ? route.param : null;
  useEffect(() => {
    if (!param || !summary) return;
    const copy = param.startsWith('copy-');
    const id = copy ? param.slice(5) : param;
    let live = true;
    void api.call('promises:get', { id }).then((r) => {
      if (!live) return;
      // The address has done its job: a reload keeps the quote, not the opening.
      window.history.replaceState(null, '', hrefTo('check'));
      if (!r.ok) return setNotice(`Could not open ${id}: ${r.error.message}`);
      const continuing = !copy && r.value.status === 'draft';
      const s = current.current;
      if (s.draft && s.kept && hasContent(s.draft) && !ask(`Replace the quote in progress with ${continuing ? 'draft' : 'a copy of'} ${id}?`)) {
        setNotice(`Kept the quote in progress; ${id} was not opened.`);
        return;
      }
      setNotice(continuing ? `Continuing draft ${id}.` : `A new quote copied from ${id} (${r.value.status.replace('_', ' ')}).`);
      setState({ user, draft: draftFrom(r.value), from: continuing ? id : null, kept: true });
    });
    return () => {
      live = false;
    };
  }, [api, param, summary, user]);

  const setDraft = useCallback((draft: Draft) => setState((s) => ({ ...s, draft, kept: true })), []);
  const clear = useCallback(() => {
    if (!summary) return;
    const s = current.current;
    if (s.draft && s.kept && hasContent(s.draft) && !ask('Clear the quote in progress? What was typed is lost.')) return;
    clearQuote(user);
    setNotice(null);
    setState({ user, draft: initialDraft(summary), from: null, kept: true });
  }, [summary, user]);
  const done = useCallback(() => {
    clearQuote(user);
    setState((s) => ({ ...s, from: null, kept: false }));
  }, [user]);

  return { draft: state.user === user ? state.draft : null, setDraft, from: state.from, notice, clear, done };
}
