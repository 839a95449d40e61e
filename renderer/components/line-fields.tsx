/** One request line's fields: Product, Quantity, Delivery date, Unit price (with the discount). */
import type { KeyboardEvent } from 'react';
import type { PlantSummary } from '../../shared/contract';
import { chooseProduct, discountPct, type DraftLine } from '../quote/check-draft';
import { parsePrice, type Marks } from '../quote/locale-number';
import { formatMoney, formatPct } from '../format';
import { FieldError } from './field-error';
import { ProductCombobox } from './product-combobox';

interface Props {
  line: DraftLine;
  index: number;
  summary: PlantSummary;
  /** The locale's decimal and group marks: prices and quantities are read as typed there. */
  marks: Marks;
  errors: (field: 'sku' | 'qty' | 'requested_date' | 'unit_price') => string[] | undefined;
  onChange(line: DraftLine): void;
  onAddAfter(): void;
  onRemove: (() => void) | null;
}

export function LineFields({ line, index, summary, marks, errors, onChange, onAddAfter, onRemove }: Props) {
  const id = (f: string) => `${line.id}-${f}`;
  const err = (f: 'sku' | 'qty' | 'requested_date' | 'unit_price') => {
    const m = errors(f);
    return { messages: m, invalid: !!m?.length, describedBy: m?.length ? id(`${f}-error`) : undefined };
  };
  const product = summary.products.find((p) => p.sku === line.sku);
  const listPrice = product?.list_price ?? null;
  const typedPrice = parsePrice(line.unit_price, marks);
  const discount = typedPrice.ok ? discountPct(listPrice, typedPrice.value) : null;
  const onKeyDown = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    // Enter in any field of a line adds a line after it (buttons keep their own Enter).
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement && !e.nativeEvent.isComposing) {
      e.preventDefault();
      onAddAfter();
    }
  };
  const sku = err('sku');
  const qty = err('qty');
  const date = err('requested_date');
  const price = err('unit_price');

  return (
    <fieldset className="line" onKeyDown={onKeyDown} data-line={index}>
      <legend>Line {index + 1}</legend>
      <div className="field field-product">
        <label htmlFor={id('sku')}>Product</label>
        <ProductCombobox
          id={id('sku')}
          value={line.sku}
          products={summary.products}
          invalid={sku.invalid}
          describedBy={sku.describedBy}
          onChange={(s) => onChange(chooseProduct(line, s, summary))}
        />
        {product && <span className="hint">{product.name}</span>}
        <FieldError id={id('sku-error')} messages={sku.messages} />
      </div>
      <div className="field field-qty">
        <label htmlFor={id('qty')}>Quantity</label>
        <input
          id={id('qty')}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={line.qty}
          aria-invalid={qty.invalid || undefined}
          aria-describedby={qty.describedBy}
          onChange={(e) => onChange({ ...line, qty: e.target.value })}
        />
        {product && <span className="hint">{product.unit}</span>}
        <FieldError id={id('qty-error')} messages={qty.messages} />
      </div>
      <div className="field field-date">
        <label htmlFor={id('requested_date')}>Delivery date</label>
        <input
          id={id('requested_date')}
          type="date"
          value={line.requested_date}
          min={summary.as_of}
          aria-invalid={date.invalid || undefined}
          aria-describedby={date.describedBy}
          onChange={(e) => onChange({ ...line, requested_date: e.target.value })}
        />
        <FieldError id={id('requested_date-error')} messages={date.messages} />
      </div>
      <div className="field field-price">
        <label htmlFor={id('unit_price')}>Unit price</label>
        <input
          id={id('unit_price')}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={line.unit_price}
          aria-invalid={price.invalid || undefined}
          aria-describedby={[price.describedBy, id('price-hint')].filter(Boolean).join(' ')}
          onChange={(e) => onChange({ ...line, unit_price: e.target.value, priceEdited: true })}
        />
        <span className="hint" id={id('price-hint')}>
          {listPrice !== null && <>List {formatMoney(listPrice, summary.currency)}</>}
          {discount !== null && discount !== '0.00' && <> · discount {formatPct(discount)}</>}
        </span>
        <FieldError id={id('unit_price-error')} messages={price.messages} />
      </div>
      <div className="line-actions">
        {onRemove && (
          <button type="button" className="secondary" onClick={onRemove}>
            Remove line {index + 1}
          </button>
        )}
      </div>
    </fieldset>
  );
}
