/** The number of promises at risk, beside the navigation entry: refreshed after changes and every minute. */
import { useCallback, useEffect, useState } from 'react';
import { useDataChanged } from '../../data-events';
import { useApi } from '../../hooks/use-api';

export function AtRiskBadge() {
  const api = useApi();
  const [count, setCount] = useState<number | null>(null);
  const load = useCallback(() => {
    void api.call('risk:count').then((r) => r.ok && setCount(r.value.count));
  }, [api]);
  useEffect(() => {
    load();
    const t = setInterval(load, 60_000);
    return () => clearInterval(t);
  }, [load]);
  useDataChanged(load);
  if (!count) return null;
  return (
    <span className="nav-count" data-testid="at-risk-count">
      {' '}
      {count}
      <span className="visually-hidden"> {count === 1 ? "promise" : "promises"}</span>
    </span>
  );
}
