// The ECB's euro reference rates (eurofxref-daily.xml, eurofxref-hist*.xml): one
// `<Cube time="YYYY-MM-DD">` per business day holding `<Cube currency="USD" rate="1.0565"/>`,
// units of the currency per 1 EUR. Read as a stream (one day at a time), without external
// entities, like the other XML importers; the source is quoted per EUR (core/rates.ts crosses it
// for a ledger whose base is not EUR). Weekends and holidays take the last published day there.
import { parseIsoDate } from '../../core/date';
import type { RatesSource } from '../../core/rates';
import type { ImportIssue } from '../../core/types';
import { importError } from '../issues';
import { placeOf, readXml } from '../auditfile/xml-stream';
import { RatesCollector } from './collect';

/** The envelope's namespace (the Cubes are in the ECB's own eurofxref vocabulary). */
export const GESMES_NAMESPACE = 'http://www.gesmes.org/xml/2002-08-01';

export async function readEcbRates(file: string, bytes: Uint8Array): Promise<{ rates: RatesSource | null; issues: ImportIssue[] }> {
  const collect = new RatesCollector();
  const warnings = await readXml(file, bytes, {
    capture: new Set(),
    captureIf: (name, attrs) => name === 'Cube' && 'time' in attrs,
    indexed: new Set(['Cube']),
    onElement: (day) => {
      const timeText = day.attrs.time ?? '';
      const date = parseIsoDate(timeText);
      if (date === null) {
        collect.issues.push(importError('bad-date', placeOf(file, day, 'time'), { value: timeText }));
        return;
      }
      for (const quote of day.children) {
        if (quote.name !== 'Cube') continue;
        collect.add(quote.attrs.currency ?? '', quote.attrs.rate ?? '', date, (field) => placeOf(file, quote, field));
      }
    },
  });
  return { rates: collect.finish(file, 'EUR'), issues: [...warnings, ...collect.issues] };
}
