// SAF-T beyond Norway: the OECD structure under national namespaces (Lithuania, Romania with a
// prefix, Luxembourg FAIA, Austria's 1.0-style plain amounts), SAF-T PT source documents, files
// without optional parts, Windows-1252 and CRLF; and XML that is no auditfile, refused by name.
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/import/index';
import { describeSource } from '../../../src/import/messages';
import { errors, importText, rows } from './helpers';

/** A small OECD SAF-T 2.0 general ledger under a namespace, elements optionally prefixed. */
function oecd(ns: string, options: { prefix?: string; plainAmounts?: boolean; encoding?: string; name?: string } = {}): string {
  const p = options.prefix ? `${options.prefix}:` : '';
  const amount = (kind: 'Debit' | 'Credit', value: string): string =>
    options.plainAmounts ? `<${p}${kind}Amount>${value}</${p}${kind}Amount>` : `<${p}${kind}Amount><${p}Amount>${value}</${p}Amount></${p}${kind}Amount>`;
  const xmlns = options.prefix ? `xmlns:${options.prefix}="${ns}"` : `xmlns="${ns}"`;
  const body = `<?xml version="1.0" encoding="${options.encoding ?? 'UTF-8'}"?>
<${p}AuditFile ${xmlns}>
  <${p}Header><${p}AuditFileVersion>2.0</${p}AuditFileVersion><${p}DefaultCurrencyCode>EUR</${p}DefaultCurrencyCode>
    <${p}SelectionCriteria><${p}SelectionStartDate>2024-01-01</${p}SelectionStartDate><${p}SelectionEndDate>2024-12-31</${p}SelectionEndDate></${p}SelectionCriteria></${p}Header>
  <${p}MasterFiles>
    <${p}Customers><${p}Customer><${p}CompanyStructure><${p}Name>${options.name ?? 'Client Un'}</${p}Name></${p}CompanyStructure><${p}CustomerID>C1</${p}CustomerID><${p}AccountID>4110</${p}AccountID><${p}OpeningDebitBalance>50.00</${p}OpeningDebitBalance></${p}Customer></${p}Customers>
    <${p}Suppliers><${p}Supplier><${p}CompanyStructure><${p}Name>Fournisseur</${p}Name></${p}CompanyStructure><${p}SupplierID>S1</${p}SupplierID><${p}AccountID>4010</${p}AccountID></${p}Supplier></${p}Suppliers>
  </${p}MasterFiles>
  <${p}GeneralLedgerEntries><${p}Journal><${p}JournalID>VT</${p}JournalID><${p}Description>Ventes</${p}Description>
    <${p}Transaction><${p}TransactionID>1</${p}TransactionID><${p}TransactionDate>2024-02-01</${p}TransactionDate>
      <${p}Line><${p}RecordID>1</${p}RecordID><${p}AccountID>4110</${p}AccountID><${p}CustomerID>C1</${p}CustomerID>${amount('Debit', '121.00')}<${p}ReferenceNumber>F-1</${p}ReferenceNumber></${p}Line>
      <${p}Line><${p}RecordID>2</${p}RecordID><${p}AccountID>7000</${p}AccountID>${amount('Credit', '121.00')}</${p}Line>
    </${p}Transaction>
    <${p}Transaction><${p}TransactionID>2</${p}TransactionID><${p}TransactionDate>2024-02-03</${p}TransactionDate>
      <${p}Line><${p}RecordID>1</${p}RecordID><${p}AccountID>4010</${p}AccountID><${p}SupplierID>S1</${p}SupplierID>${amount('Credit', '80.00')}<${p}ReferenceNumber>A-9</${p}ReferenceNumber></${p}Line>
      <${p}Line><${p}RecordID>2</${p}RecordID><${p}AccountID>6000</${p}AccountID>${amount('Debit', '80.00')}</${p}Line>
    </${p}Transaction></${p}Journal>
  <${p}Journal><${p}JournalID>BQ</${p}JournalID><${p}Description>Bank</${p}Description>
    <${p}Transaction><${p}TransactionID>3</${p}TransactionID><${p}TransactionDate>2024-03-01</${p}TransactionDate>
      <${p}Line><${p}RecordID>1</${p}RecordID><${p}AccountID>4110</${p}AccountID><${p}CustomerID>C1</${p}CustomerID>${amount('Credit', '100.00')}<${p}ReferenceNumber>F-1</${p}ReferenceNumber></${p}Line>
      <${p}Line><${p}RecordID>2</${p}RecordID><${p}AccountID>5120</${p}AccountID>${amount('Debit', '100.00')}</${p}Line>
    </${p}Transaction></${p}Journal></${p}GeneralLedgerEntries>
</${p}AuditFile>
`;
  return body;
}

const EXPECTED = [
  'AR C1 journal OPENING 2023-12-31 2023-12-31 5000 EUR',
  'AR C1 invoice F-1 2024-02-01 2024-02-01 12100 EUR',
  'AP S1 invoice A-9 2024-02-03 2024-02-03 8000 EUR',
  'AR C1 payment 3 2024-03-01 2024-03-01 -10000 EUR settles F-1',
];

describe('OECD SAF-T 2.0 under national namespaces', () => {
  it.each([
    ['Lithuania', 'https://www.vmi.lt/cms/saf-t', undefined],
    ['Romania D406, prefixed elements', 'mfp:anaf:dgti:d406:declaratie:v1', 'nsSAFT'],
    ['Luxembourg FAIA 2.01', 'urn:OECD:StandardAuditFile-Taxation/2.00', undefined],
    ['Denmark', 'urn:StandardAuditFile-Taxation-Financial:DK', 'n1'],
  ])('%s: the same entries, parties and allocation', async (_country, ns, prefix) => {
    const result = await importText('saft.xml', oecd(ns, prefix ? { prefix } : {}));
    expect(errors(result)).toEqual([]);
    expect(rows(result)).toEqual(EXPECTED);
    expect(result.ledger?.parties.get('AR\u0000C1')?.name).toBe('Client Un');
    // 6 GL lines: 3 on the parties' accounts taken, 3 on other accounts left out (the opening balance is no line).
    expect(result.report?.source).toMatchObject({ kind: 'saf-t', lines: 6, taken: 3, leftOut: { 'other-accounts': 3 }, matched: 1 });
  });

  it('names the country and version it read in the import report', async () => {
    const result = await importText('d406.xml', oecd('mfp:anaf:dgti:d406:declaratie:v1', { prefix: 'nsSAFT' }));
    expect(describeSource(result.report!.source!, 'en')).toBe('SAF-T RO 2.0, 6 lines: 3 taken, 3 on other accounts left out; 1 matched');
  });

  it('Austria (OECD 1.0 style): amounts written as plain numbers in DebitAmount/CreditAmount', async () => {
    const result = await importText('saft-at.xml', oecd('urn:OECD:StandardAuditFile-Tax:AT_1.01', { plainAmounts: true }));
    expect(errors(result)).toEqual([]);
    expect(rows(result)).toEqual(EXPECTED);
  });

  it('reads Windows-1252 bytes with CRLF line ends', async () => {
    const text = oecd('urn:OECD:StandardAuditFile-Taxation/2.00', { encoding: 'Windows-1252', name: 'Société Générale – Lëtzebuerg' }).replace(/\n/g, '\r\n');
    const bytes = new Uint8Array(Buffer.from(text.replace('–', '\u0096'), 'latin1'));
    const result = await importFile({ name: 'faia.xml', bytes });
    expect(errors(result)).toEqual([]);
    expect(result.ledger?.parties.get('AR\u0000C1')?.name).toBe('Société Générale – Lëtzebuerg');
    expect(rows(result)).toEqual(EXPECTED);
  });

  it('imports a file without MasterFiles, naming each party it did not find in the master data', async () => {
    const xml = oecd('https://www.vmi.lt/cms/saf-t').replace(/<MasterFiles>[\s\S]*<\/MasterFiles>/, '');
    const result = await importText('saft.xml', xml);
    expect(errors(result)).toEqual([]);
    expect(rows(result)).toEqual(EXPECTED.slice(1));
    expect(result.issues.filter((i) => i.code === 'unknown-party').map((i) => i.params?.party)).toEqual(['C1', 'S1']);
  });
});

describe('XML that is not an auditfile', () => {
  it.each([
    ['Poland JPK', '<JPK xmlns="http://jpk.mf.gov.pl/wzor/2016/03/09/03091/"><Naglowek/></JPK>', 'JPK', 'http://jpk.mf.gov.pl/wzor/2016/03/09/03091/'],
    ['a UBL invoice', '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>1</ID></Invoice>', 'Invoice', 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'],
  ])('%s is refused naming its root element and namespace', async (_what, xml, root, ns) => {
    const result = await importText('file.xml', `<?xml version="1.0"?>\n${xml}`);
    expect(result.ledger).toBeNull();
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'unknown-xml', params: { root, ns } })]);
    expect(result.issues[0]?.message).toContain(root);
  });
});

/** A SAF-T PT 1.04 billing file: MasterFiles customers, SalesInvoices and Payments, no general ledger. */
function pt(invoices: string, payments = ''): string {
  return `<?xml version="1.0" encoding="Windows-1252"?>
<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01">
<Header><AuditFileVersion>1.04_01</AuditFileVersion><CurrencyCode>EUR</CurrencyCode><StartDate>2024-01-01</StartDate></Header>
<MasterFiles><Customer><CustomerID>C9</CustomerID><AccountID>211</AccountID><CompanyName>Cliente</CompanyName></Customer></MasterFiles>
<SourceDocuments><SalesInvoices>${invoices}</SalesInvoices><Payments>${payments}</Payments></SourceDocuments>
</AuditFile>`;
}

function invoice(no: string, type: string, status: string, gross: string, extra = ''): string {
  return `<Invoice><InvoiceNo>${no}</InvoiceNo><DocumentStatus><InvoiceStatus>${status}</InvoiceStatus></DocumentStatus><InvoiceDate>2024-05-02</InvoiceDate><InvoiceType>${type}</InvoiceType><CustomerID>C9</CustomerID><Line><CreditAmount>1</CreditAmount></Line><DocumentTotals><NetTotal>1</NetTotal><GrossTotal>${gross}</GrossTotal>${extra}</DocumentTotals></Invoice>`;
}

describe('SAF-T PT 1.04 source documents', () => {
  it('leaves out cancelled documents, books an invoice-receipt with its payment, and shares a receipt among its invoices', async () => {
    const payment = `<Payment><PaymentRefNo>RG 1</PaymentRefNo><TransactionDate>2024-06-01</TransactionDate><PaymentType>RG</PaymentType><DocumentStatus><PaymentStatus>N</PaymentStatus></DocumentStatus><CustomerID>C9</CustomerID>
      <Line><SourceDocumentID><OriginatingON>FT 1</OriginatingON></SourceDocumentID><CreditAmount>100.00</CreditAmount></Line>
      <Line><SourceDocumentID><OriginatingON>FT 3</OriginatingON></SourceDocumentID><CreditAmount>50.00</CreditAmount></Line>
      <DocumentTotals><NetTotal>150.00</NetTotal><GrossTotal>184.50</GrossTotal></DocumentTotals></Payment>
      <Payment><PaymentRefNo>RG 2</PaymentRefNo><TransactionDate>2024-06-02</TransactionDate><DocumentStatus><PaymentStatus>A</PaymentStatus></DocumentStatus><CustomerID>C9</CustomerID>
      <Line><SourceDocumentID><OriginatingON>FT 3</OriginatingON></SourceDocumentID><CreditAmount>50.00</CreditAmount></Line><DocumentTotals><GrossTotal>61.50</GrossTotal></DocumentTotals></Payment>`;
    const xml = pt(
      invoice('FT 1', 'FT', 'N', '123.00') + invoice('FT 2', 'FT', 'A', '999.00') + invoice('FT 3', 'FT', 'N', '61.50') +
      invoice('FR 1', 'FR', 'N', '24.60', '<Payment><PaymentMechanism>NU</PaymentMechanism><PaymentAmount>24.60</PaymentAmount><PaymentDate>2024-05-03</PaymentDate></Payment>') +
      invoice('NC 1', 'NC', 'N', '12.30'),
      payment,
    );
    const result = await importText('saft-pt.xml', xml);
    expect(errors(result)).toEqual([]);
    expect(rows(result)).toEqual([
      'AR C9 invoice FT 1 2024-05-02 2024-05-02 12300 EUR',
      'AR C9 invoice FT 3 2024-05-02 2024-05-02 6150 EUR',
      'AR C9 invoice FR 1 2024-05-02 2024-05-02 2460 EUR',
      'AR C9 payment FR 1 2024-05-03 2024-05-03 -2460 EUR settles FR 1',
      'AR C9 credit_note NC 1 2024-05-02 2024-05-02 -1230 EUR',
      'AR C9 payment RG 1 2024-06-01 2024-06-01 -12300 EUR settles FT 1',
      'AR C9 payment RG 1 2024-06-01 2024-06-01 -6150 EUR settles FT 3',
    ]);
  });

  it('refuses a document without GrossTotal, naming the element, and imports nothing', async () => {
    const xml = pt(invoice('FT 1', 'FT', 'N', '123.00') + invoice('FT 2', 'FT', 'N', '1').replace('<GrossTotal>1</GrossTotal>', ''));
    const result = await importText('saft-pt.xml', xml);
    expect(result.ledger).toBeNull();
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([expect.objectContaining({
      code: 'missing-element', field: 'GrossTotal', path: '/AuditFile/SourceDocuments/SalesInvoices/Invoice[2]/DocumentTotals',
    })]);
  });
});

/** A SAF-T PT 1.04 accounting file: the party on each Transaction, DebitLine/CreditLine on accounts. */
function ptLedger(): string {
  const line = (kind: 'Debit' | 'Credit', id: number, account: string, amount: string, doc = ''): string =>
    `<${kind}Line><RecordID>${id}</RecordID><AccountID>${account}</AccountID>${doc ? `<SourceDocumentID>${doc}</SourceDocumentID>` : ''}<SystemEntryDate>2024-01-01T00:00:00</SystemEntryDate><Description>l</Description><${kind}Amount>${amount}</${kind}Amount></${kind}Line>`;
  const tx = (id: string, date: string, party: string, lines: string): string =>
    `<Transaction><TransactionID>${id}</TransactionID><Period>1</Period><TransactionDate>${date}</TransactionDate><SourceID>u</SourceID><Description>t ${id}</Description><DocArchivalNumber>${id}</DocArchivalNumber><TransactionType>N</TransactionType><GLPostingDate>${date}</GLPostingDate>${party}<Lines>${lines}</Lines></Transaction>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<AuditFile xmlns="urn:OECD:StandardAuditFile-Tax:PT_1.04_01">
<Header><AuditFileVersion>1.04_01</AuditFileVersion><TaxAccountingBasis>C</TaxAccountingBasis><StartDate>2024-01-01</StartDate><EndDate>2024-12-31</EndDate><CurrencyCode>EUR</CurrencyCode></Header>
<MasterFiles>
<Customer><CustomerID>C1</CustomerID><AccountID>211101</AccountID><CustomerTaxID>500000000</CustomerTaxID><CompanyName>Cliente Um</CompanyName></Customer>
<Customer><CustomerID>C2</CustomerID><AccountID>Desconhecido</AccountID><CustomerTaxID>999999990</CustomerTaxID><CompanyName>Cliente Dois</CompanyName></Customer>
<Supplier><SupplierID>S1</SupplierID><AccountID>221001</AccountID><SupplierTaxID>500000001</SupplierTaxID><CompanyName>Fornecedor</CompanyName></Supplier>
</MasterFiles>
<GeneralLedgerEntries><NumberOfEntries>7</NumberOfEntries><TotalDebit>0</TotalDebit><TotalCredit>0</TotalCredit>
<Journal><JournalID>VND</JournalID><Description>Vendas</Description>
${tx('1', '2024-02-01', '<CustomerID>C1</CustomerID>', line('Debit', 1, '211101', '123.00', 'FT A/1') + line('Credit', 2, '711', '100.00') + line('Credit', 3, '2433', '23.00'))}
${tx('2', '2024-02-05', '<CustomerID>C2</CustomerID>', line('Debit', 1, '2111', '61.50', 'FT A/2') + line('Credit', 2, '711', '50.00') + line('Credit', 3, '2433', '11.50'))}
${tx('3', '2024-02-10', '<CustomerID>C1</CustomerID>', line('Credit', 1, '211101', '12.30', 'NC A/1') + line('Debit', 2, '711', '10.00') + line('Debit', 3, '2433', '2.30'))}
</Journal>
<Journal><JournalID>CMP</JournalID><Description>Compras</Description>
${tx('4', '2024-02-03', '<SupplierID>S1</SupplierID>', line('Credit', 1, '221001', '246.00', 'FF 77') + line('Debit', 2, '62', '200.00') + line('Debit', 3, '2432', '46.00'))}
</Journal>
<Journal><JournalID>BNC</JournalID><Description>Bancos</Description>
${tx('5', '2024-03-01', '<CustomerID>C1</CustomerID>', line('Debit', 1, '12', '110.70') + line('Credit', 2, '211101', '110.70', 'RG A/1'))}
${tx('6', '2024-03-05', '<SupplierID>S1</SupplierID>', line('Debit', 1, '221001', '246.00', 'PAG 1') + line('Credit', 2, '12', '246.00'))}
${tx('7', '2024-03-06', '', line('Debit', 1, '62', '10.00') + line('Credit', 2, '12', '10.00'))}
</Journal>
</GeneralLedgerEntries>
<SourceDocuments><Payments><NumberOfEntries>1</NumberOfEntries><TotalDebit>0</TotalDebit><TotalCredit>90.00</TotalCredit>
<Payment><PaymentRefNo>RG A/1</PaymentRefNo><TransactionDate>2024-03-01</TransactionDate><PaymentType>RG</PaymentType><DocumentStatus><PaymentStatus>N</PaymentStatus></DocumentStatus><CustomerID>C1</CustomerID>
<Line><LineNumber>1</LineNumber><SourceDocumentID><OriginatingON>FT A/1</OriginatingON><InvoiceDate>2024-02-01</InvoiceDate></SourceDocumentID><CreditAmount>90.00</CreditAmount></Line>
<DocumentTotals><TaxPayable>20.70</TaxPayable><NetTotal>90.00</NetTotal><GrossTotal>110.70</GrossTotal></DocumentTotals></Payment>
</Payments></SourceDocuments>
</AuditFile>`;
}

describe('SAF-T PT 1.04 accounting file (GeneralLedgerEntries)', () => {
  it('takes the lines on the party account of each transaction and leaves out the rest', async () => {
    const result = await importText('saft-pt-c.xml', ptLedger());
    expect(errors(result)).toEqual([]);
    // By hand: the one line per transaction on 211101 (C1's account), 21… (C2, account unknown) or
    // 221001 (S1); debit raises a customer, credit a supplier. The receipt RG A/1 pays FT A/1 as
    // its SourceDocuments Payment says.
    expect(rows(result)).toEqual([
      'AR C1 invoice FT A/1 2024-02-01 2024-02-01 12300 EUR',
      'AR C2 invoice FT A/2 2024-02-05 2024-02-05 6150 EUR',
      'AR C1 credit_note NC A/1 2024-02-10 2024-02-10 -1230 EUR',
      'AP S1 invoice FF 77 2024-02-03 2024-02-03 24600 EUR',
      'AR C1 payment RG A/1 2024-03-01 2024-03-01 -11070 EUR settles FT A/1',
      'AP S1 payment PAG 1 2024-03-05 2024-03-05 -24600 EUR',
    ]);
    expect(result.ledger?.parties.get('AR\u0000C2')?.name).toBe('Cliente Dois');
    expect(result.report?.source).toMatchObject({ kind: 'saf-t', variant: 'PT 1.04_01', lines: 18, taken: 6, leftOut: { 'other-accounts': 12 } });
  });

  it("follows the user's account prefixes over the chart's", async () => {
    const result = await importText('saft-pt-c.xml', ptLedger(), { arAccounts: ['211101'], apAccounts: ['221'] });
    expect(errors(result)).toEqual([]);
    expect(rows(result).filter((r) => r.startsWith('AR C2'))).toEqual([]);
    expect(rows(result).filter((r) => r.startsWith('AR C1'))).toHaveLength(3);
  });
});
