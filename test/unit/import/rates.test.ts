// Closing-rate files (ledger.md §9, cli.md --rates): the real ECB eurofxref files in
// ../shared/formats/ecb-rates, a rates CSV in its forms, and bad input with file, place and field.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date';
import { closingRate, type ClosingRate, type RatesSource } from '../../../src/core/rates';
import { localizeIssue } from '../../../src/import/messages';
import { readRates } from '../../../src/import/rates/index';

const ECB = path.resolve(import.meta.dirname, '../../..', '../shared/formats/ecb-rates');
const haveEcb = existsSync(path.join(ECB, 'eurofxref-daily.xml'));
if (!haveEcb) console.warn(`ECB rate files not found under ${ECB}: those tests are skipped`);

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
const day = (iso: string): number => parseIsoDate(iso) as number;

async function ratesOf(name: string, text: string | Uint8Array): Promise<RatesSource> {
  const result = await readRates({ name, bytes: typeof text === 'string' ? enc(text) : text });
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return result.rates as RatesSource;
}

async function errorsOf(name: string, text: string | Uint8Array): Promise<string[]> {
  const result = await readRates({ name, bytes: typeof text === 'string' ? enc(text) : text });
  expect(result.rates).toBeNull();
  return result.issues.filter((i) => i.severity === 'error').map((i) => localizeIssue(i, 'en'));
}

function rateFor(source: RatesSource, currency: string, asOf: string, base = 'EUR'): { text: string; date: number | null } {
  const r = closingRate(source, currency, base, day(asOf)) as ClosingRate;
  return { text: r.rate.text, date: r.date };
}

describe.skipIf(!haveEcb)('the real ECB files', () => {
  it('reads the daily file: one day, per EUR', async () => {
    const source = await ratesOf('eurofxref-daily.xml', readFileSync(path.join(ECB, 'eurofxref-daily.xml')));
    expect(source.quoteBase).toBe('EUR');
    expect(source.byCurrency.size).toBe(30);
    expect(rateFor(source, 'USD', '2025-05-09')).toEqual({ text: '1.1252', date: day('2025-05-09') });
    expect(rateFor(source, 'GBP', '2025-05-31')).toEqual({ text: '0.84770', date: day('2025-05-09') });
    expect(closingRate(source, 'USD', 'EUR', day('2025-05-08'))).toEqual({ currency: 'USD', sought: day('2025-05-08') });
  });

  it('reads the 90-day history: a Sunday as-of takes the Friday before it', async () => {
    const source = await ratesOf('eurofxref-hist-90d.xml', readFileSync(path.join(ECB, 'eurofxref-hist-90d.xml')));
    expect(source.byCurrency.get('USD')).toHaveLength(64);
    // 2017-03-05 is a Sunday; the last rates before it are Friday 2017-03-03's
    expect(rateFor(source, 'USD', '2017-03-05')).toEqual({ text: '1.0565', date: day('2017-03-03') });
    expect(rateFor(source, 'USD', '2017-03-02')).toEqual({ text: '1.0514', date: day('2017-03-02') });
    expect(rateFor(source, 'HRK', '2017-03-05')).toEqual({ text: '7.4163', date: day('2017-03-03') });
  });

  it('refuses the history cut off in the middle, naming the element and line', async () => {
    const whole = readFileSync(path.join(ECB, 'eurofxref-hist-90d.xml'), 'utf8');
    const errors = await errorsOf('hist.xml', whole.slice(0, 5000));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^hist\.xml, line \d+, \/Envelope\/Cube\[1\]\/Cube\[\d+\]: the XML is malformed/);
  });
});

describe('rates CSV', () => {
  it('reads currency,rate,date with a header, and rows without a date', async () => {
    const source = await ratesOf('rates.csv', 'currency,rate,date\nUSD,1.0565,2024-12-31\nusd,1.10,2024-12-27\nJPY,163.36,\n');
    expect(source.quoteBase).toBeNull();
    expect(rateFor(source, 'USD', '2024-12-30')).toEqual({ text: '1.10', date: day('2024-12-27') });
    expect(rateFor(source, 'USD', '2025-01-05')).toEqual({ text: '1.0565', date: day('2024-12-31') });
    expect(rateFor(source, 'JPY', '2024-12-31')).toEqual({ text: '163.36', date: null });
  });

  it('reads rows without a header, and a Dutch file with ; and decimal commas', async () => {
    const plain = await ratesOf('r.csv', 'USD,1.0565\nGBP,0.8477\n');
    expect(rateFor(plain, 'GBP', '2024-12-31').text).toBe('0.8477');
    const dutch = await ratesOf('koersen.csv', 'Datum;Valuta;Koers\n2024-12-31;USD;1,0389\n');
    expect(rateFor(dutch, 'USD', '2024-12-31')).toEqual({ text: '1.0389', date: day('2024-12-31') });
  });

  it('names file, line and field of a zero or negative rate, a bad number, an unknown code', async () => {
    const errors = await errorsOf('rates.csv', 'currency,rate,date\nUSD,0,2024-12-31\nGBP,-0.85,2024-12-31\nCHF,abc,2024-12-31\nUSS,1.2,2024-12-31\nEURO,1,\nDKK,7.46,31-12-2024\n');
    expect(errors).toEqual([
      'rates.csv, line 2, field rate: the rate 0 is not above zero',
      'rates.csv, line 3, field rate: the rate -0.85 is not above zero',
      'rates.csv, line 4, field rate: abc is not a rate (a decimal number such as 1.0565)',
      'rates.csv, line 5, field currency: USS is not a known ISO 4217 currency code',
      'rates.csv, line 6, field currency: EURO is not a three-letter ISO 4217 currency code',
      'rates.csv, line 7, field date: 31-12-2024 is not a valid date',
    ]);
  });

  it('refuses two rates for one currency and date, and a file without rates', async () => {
    expect(await errorsOf('r.csv', 'USD,1.05,2024-12-31\nUSD,1.06,2024-12-31\n')).toEqual(['r.csv, line 2, field currency: USD has a second rate for 2024-12-31']);
    expect(await errorsOf('r.csv', 'currency,rate\n')).toEqual(['r.csv: the file holds no exchange rates']);
    expect(await errorsOf('r.csv', '')).toEqual(['r.csv: the file is empty']);
  });

  it('says it in Dutch and French', async () => {
    const result = await readRates({ name: 'r.csv', bytes: enc('USD,-1\n') });
    const issue = result.issues[0]!;
    expect(localizeIssue(issue, 'nl')).toBe('r.csv, regel 1, veld rate: de koers -1 is niet groter dan nul');
    expect(localizeIssue(issue, 'fr')).toBe("r.csv, ligne 1, champ rate: le cours -1 n'est pas supérieur à zéro");
  });
});

describe('ECB XML, bad input', () => {
  const envelope = (cubes: string): string =>
    `<?xml version="1.0"?>\n<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">\n<Cube>\n${cubes}\n</Cube>\n</gesmes:Envelope>`;

  it('names the element of a bad rate, code or date', async () => {
    const errors = await errorsOf('x.xml', envelope(`<Cube time="2024-12-31">\n<Cube currency="USD" rate="0"/>\n<Cube currency="XYZ" rate="1.2"/>\n</Cube>\n<Cube time="2024-13-01">\n<Cube currency="USD" rate="1"/>\n</Cube>`));
    expect(errors).toEqual([
      'x.xml, line 5, /Envelope/Cube[1]/Cube[1]/Cube[1], field rate: the rate 0 is not above zero',
      'x.xml, line 6, /Envelope/Cube[1]/Cube[1]/Cube[2], field currency: XYZ is not a known ISO 4217 currency code',
      'x.xml, line 8, /Envelope/Cube[1]/Cube[2], field time: 2024-13-01 is not a valid date',
    ]);
  });

  it('refuses entities, another XML and an envelope without rates', async () => {
    const entity = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${envelope('<Cube time="2024-12-31"><Cube currency="USD" rate="&e;"/></Cube>').replace(/^<\?xml[^>]*>/, '')}`;
    expect((await errorsOf('e.xml', entity))[0]).toContain('declares entities in a DOCTYPE');
    expect(await errorsOf('a.xml', '<?xml version="1.0"?><auditfile xmlns="http://www.auditfiles.nl/XAF/3.2"/>')).toEqual([
      'a.xml: XML with root element auditfile (namespace http://www.auditfiles.nl/XAF/3.2) is not the ECB eurofxref rates file',
    ]);
    expect(await errorsOf('n.xml', envelope(''))).toEqual(['n.xml: the file holds no exchange rates']);
  });
});
