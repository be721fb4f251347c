// Generated inputs for the importer benchmarks: a canonical CSV of n lines and an XAF 3.2 file of
// about n MB (customers, then sales transactions with a debtor line and a revenue line).

export function canonicalCsv(lines: number): Uint8Array {
  const parts = ['ledger,party_id,entry_type,doc_no,entry_date,due_date,amount,settles,description\n'];
  for (let i = 0; i < lines; i++) {
    const party = `C${i % 5000}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    parts.push(i % 4 === 3
      ? `AR,${party},payment,P${i},2024-03-${day},,-${(i % 997) + 1}.50,F${i - 3},payment\n`
      : `AR,${party},invoice,F${i},2024-02-${day},2024-03-${day},${(i % 9973) + 1}.25,,invoice ${i}\n`);
  }
  return new TextEncoder().encode(parts.join(''));
}

/** An XAF file of about `megabytes` MB: customers, then journals of sales transactions with a debtor line and a revenue line. */
export function largeXaf(megabytes: number): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const push = (text: string): void => {
    const bytes = encoder.encode(text);
    chunks.push(bytes);
    size += bytes.length;
  };
  push('<?xml version="1.0" encoding="UTF-8"?>\n<auditfile xmlns="http://www.auditfiles.nl/XAF/3.2"><header><fiscalYear>2024</fiscalYear><startDate>2024-01-01</startDate><endDate>2024-12-31</endDate><curCode>EUR</curCode></header><company><companyName>Bench BV</companyName><customersSuppliers>');
  for (let c = 0; c < 2000; c++) push(`<customerSupplier><custSupID>D${c}</custSupID><custSupName>Klant ${c}</custSupName><custSupTp>C</custSupTp></customerSupplier>`);
  push('</customersSuppliers><generalLedger><ledgerAccount><accID>1300</accID><accDesc>Debiteuren</accDesc><accTp>B</accTp></ledgerAccount><ledgerAccount><accID>8000</accID><accDesc>Omzet</accDesc><accTp>P</accTp></ledgerAccount></generalLedger><transactions><linesCount>0</linesCount><totalDebit>0</totalDebit><totalCredit>0</totalCredit><journal><jrnID>V</jrnID><desc>Verkoop</desc><jrnTp>S</jrnTp>');
  const target = megabytes * 1024 * 1024;
  let batch: string[] = [];
  for (let t = 0; size < target; t++) {
    const day = String(1 + (t % 28)).padStart(2, '0');
    const amount = `${(t % 9973) + 1}.${String(t % 100).padStart(2, '0')}`;
    batch.push(`<transaction><nr>V${t}</nr><desc>Factuur ${t}</desc><trDt>2024-05-${day}</trDt>`
      + `<trLine><nr>1</nr><accID>1300</accID><docRef>F${t}</docRef><effDate>2024-05-${day}</effDate><desc>Factuur ${t}</desc><amnt>${amount}</amnt><amntTp>D</amntTp><custSupID>D${t % 2000}</custSupID><invRef>F${t}</invRef></trLine>`
      + `<trLine><nr>2</nr><accID>8000</accID><docRef>F${t}</docRef><effDate>2024-05-${day}</effDate><desc>Omzet ${t}</desc><amnt>${amount}</amnt><amntTp>C</amntTp><custSupID>D${t % 2000}</custSupID></trLine></transaction>\n`);
    if (batch.length === 1000) {
      push(batch.join(''));
      batch = [];
    }
  }
  push(batch.join(''));
  push('</journal></transactions></company></auditfile>\n');
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

