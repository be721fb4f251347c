// Reading what a user types into the pane's fields: an amount in their own notation ("1.234,56",
// "1,234.56", "1234.5") into minor units of a currency, exactly. The decimal separator is read as
// the importers read a column (import/numbers), falling back to the user's locale when the text
// alone does not say ("1.000" is a thousand in nl-BE, one in en-GB); core/money parses the result.
import { currencyExponent, parseAmount, type Minor } from '../../core/money';
import { detectDecimal, parseLocaleAmount } from '../../import/numbers';

/** Minor units of `currency`, or null when the text is not an amount. */
export function parseUserAmount(text: string, currency: string, locale: string): Minor | null {
  const canonical = parseLocaleAmount(text, detectDecimal([text], locale));
  const parsed = canonical === null ? null : parseAmount(canonical, currencyExponent(currency));
  return parsed ? parsed.minor : null;
}
