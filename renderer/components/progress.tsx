import { useDelayed } from '../hooks/use-delayed';

/** Shown only when something takes longer than a second. */
export function Progress({ busy, label }: { busy: boolean; label: string }) {
  const shown = useDelayed(busy, 1000);
  if (!shown) return null;
  return (
    <div className="progress" role="status">
      <progress aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
