import { describe, expect, it } from 'vitest';
import { importText } from './helpers';

function bigCsv(lines: number): string {
  const out = ['ledger,party_id,entry_type,doc_no,entry_date,amount'];
  for (let i = 0; i < lines; i++) out.push(`AR,C${i % 50},invoice,F${i},2024-01-05,${i}.25`);
  return out.join('\n');
}

describe('progress and cancel', () => {
  it('reports rising progress up to 1', async () => {
    const seen: number[] = [];
    const result = await importText('big.csv', bigCsv(20_000), { onProgress: (f) => seen.push(f) });
    expect(result.ledger?.entries).toHaveLength(20_000);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });

  it('a cancelled import returns no ledger and says it was cancelled', async () => {
    const controller = new AbortController();
    const result = await importText('big.csv', bigCsv(20_000), {
      signal: controller.signal,
      onProgress: (f) => {
        if (f > 0.1) controller.abort();
      },
    });
    expect(result.ledger).toBeNull();
    expect(result.issues.map((i) => i.code)).toEqual(['cancelled']);
  });
});
