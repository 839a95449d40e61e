/**
 * The Product field: type a sku or part of a name, pick from the filtered list (arrow keys and
 * Enter, or the mouse). An exact sku counts as soon as it is typed; other text is handed over when
 * the field is left, so the check can name an unknown sku next to the field.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { PlantSummary } from '../../shared/contract';

type Product = PlantSummary['products'][number];
const MAX_OPTIONS = 50;

export function filterProducts(products: readonly Product[], query: string): Product[] {
  const q = query.trim().toLowerCase();
  const sellable = products.filter((p) => p.list_price !== null);
  return (q ? sellable.filter((p) => p.sku.toLowerCase().includes(q) || p.name.toLowerCase().includes(q)) : sellable).slice(0, MAX_OPTIONS);
}

interface Props {
  id: string;
  value: string;
  products: readonly Product[];
  onChange(sku: string): void;
  invalid: boolean;
  describedBy?: string;
}

export function ProductCombobox({ id, value, products, onChange, invalid, describedBy }: Props) {
  const listId = useId();
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    // The line changed from outside (an alternative applied, a split): show the new product.
    setLastValue(value);
    setText(value);
  }
  const options = useMemo(() => filterProducts(products, text), [products, text]);

  const commit = (sku: string) => {
    setText(sku);
    setOpen(false);
    setActive(-1);
    if (sku !== value) onChange(sku);
  };
  const exact = (t: string) => products.find((p) => p.list_price !== null && p.sku.toLowerCase() === t.trim().toLowerCase());

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const n = options.length;
      if (n) setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      setActive(-1);
    } else if (e.key === 'Enter' && open) {
      const pick = options[active] ?? (options.length === 1 ? options[0] : undefined);
      if (pick) {
        // Enter picks the product here; it adds a line only when the list is closed.
        e.preventDefault();
        e.stopPropagation();
        commit(pick.sku);
      } else commit(text.trim());
    }
  };

  return (
    <div className="combobox">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder="SKU or name"
        value={text}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          setOpen(true);
          setActive(-1);
          const p = exact(t);
          if (p && p.sku !== value) onChange(p.sku);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
          const p = exact(text);
          const sku = p ? p.sku : text.trim();
          if (sku !== value) onChange(sku);
          if (p) setText(p.sku);
        }}
        onKeyDown={onKeyDown}
      />
      <ul role="listbox" id={listId} aria-label="Matches" hidden={!open || options.length === 0}>
        {options.map((p, i) => (
          <li
            key={p.sku}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault(); // keep focus in the field
              commit(p.sku);
            }}
          >
            <span className="sku">{p.sku}</span> <span className="name">{p.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
