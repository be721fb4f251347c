// Reading what a user types into the pane's fields: an amount in their own notation ("1.234,56",
// "1,234.56", "1234.5") into minor units of a currency, exactly (core/money parses the decimal text).
import { currencyExponent, parseAmount, type Minor } from '../../core/money';

/** Minor units of `currency`, or null when the text is not an amount. */
export function parseUserAmount(text: string, currency: string): Minor | null {
  let t = text.replace(/[\s'\u00a0\u202f]/g, '');
  const comma = t.lastIndexOf(',');
  const dot = t.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) t = comma > dot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  else if (comma >= 0) t = /,\d{3}$/.test(t) && t.indexOf(',') !== comma ? t.replace(/,/g, '') : t.replace(',', '.');
  const parsed = parseAmount(t, currencyExponent(currency));
  return parsed ? parsed.minor : null;
}
