/**
 * Customers already used in promises and drafts, most recent first, for the Customer field's
 * suggestions (a new name can still be typed). Read once per visit of the Check screen.
 */
import { useEffect, useState } from 'react';
import { useApi } from '../hooks/use-api';

export function useCustomers(): string[] {
  const api = useApi();
  const [customers, setCustomers] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void api.call('promises:list', { limit: 1000 }).then((r) => {
      if (!live || !r.ok) return;
      const seen = new Map<string, string>();
      const rows = [...r.value.promises].sort((a, b) => b.created_at.localeCompare(a.created_at));
      for (const p of rows) {
        const key = p.customer.trim().toLocaleLowerCase();
        if (key && !seen.has(key)) seen.set(key, p.customer.trim());
      }
      setCustomers([...seen.values()]);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return customers;
}
