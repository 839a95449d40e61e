import { useEffect, useState } from 'react';

/** True once `on` has stayed true for `ms`: progress is shown only for waits a person notices. */
export function useDelayed(on: boolean, ms = 1000): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on) {
      setShown(false);
      return;
    }
    const t = setTimeout(() => setShown(true), ms);
    return () => clearTimeout(t);
  }, [on, ms]);
  return on && shown;
}
