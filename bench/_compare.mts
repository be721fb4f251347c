import ExcelJS from 'exceljs';
async function load(f: string) { const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(f); return wb; }
const [a, b] = [await load(process.argv[2]!), await load(process.argv[3]!)];
let cells = 0, diffs = 0;
const say = (m: string) => { if (diffs++ < 30) console.log(m); };
if (a.worksheets.length !== b.worksheets.length) say('sheet count');
for (const wa of a.worksheets) {
  const wb = b.getWorksheet(wa.name); if (!wb) { say(`no ${wa.name}`); continue; }
  if (wa.rowCount !== wb.rowCount) say(`${wa.name} rowCount ${wa.rowCount} ${wb.rowCount}`);
  for (let r = 1; r <= Math.max(wa.rowCount, wb.rowCount); r++) {
    const ra = wa.getRow(r), rb = wb.getRow(r);
    if ((ra.height ?? 15) !== (rb.height ?? 15)) say(`${wa.name} row ${r} height ${ra.height} ${rb.height}`);
    for (let c = 1; c <= Math.max(ra.cellCount, rb.cellCount, 1); c++) {
      const ca = ra.getCell(c), cb = rb.getCell(c); cells++;
      const va = JSON.stringify(ca.value ?? null), vb = JSON.stringify(cb.value ?? null);
      if (va !== vb) say(`${wa.name}!${ca.address} value ${va} vs ${vb}`);
      if ((ca.numFmt ?? 'General') !== (cb.numFmt ?? 'General')) say(`${wa.name}!${ca.address} numFmt ${ca.numFmt} vs ${cb.numFmt}`);
      if (!!ca.font?.bold !== !!cb.font?.bold || (ca.font?.size ?? 11) !== (cb.font?.size ?? 11)) say(`${wa.name}!${ca.address} font ${JSON.stringify(ca.font)} vs ${JSON.stringify(cb.font)}`);
      if (!!ca.alignment?.wrapText !== !!cb.alignment?.wrapText) say(`${wa.name}!${ca.address} wrap`);
    }
  }
  for (const k of ['pageSetup', 'headerFooter', 'views'] as const) {
    const x = JSON.stringify(wa[k]), y = JSON.stringify(wb[k]); if (x !== y) say(`${wa.name} ${k}\n ${x}\n ${y}`);
  }
  const ta = Object.keys((wa as any).tables), tb = Object.keys((wb as any).tables);
  if (JSON.stringify(ta) !== JSON.stringify(tb)) say(`${wa.name} tables ${ta} ${tb}`);
  for (const t of ta) { const x = (wa as any).tables[t].table, y = (wb as any).tables[t]?.table; 
    const pick = (m: any) => JSON.stringify({ ref: m?.tableRef, cols: m?.columns?.map((c: any) => [c.name, c.totalsRowFunction, c.totalsRowLabel]), totals: m?.totalsRow });
    if (pick(x) !== pick(y)) say(`${wa.name} table ${t}\n ${pick(x)}\n ${pick(y)}`); }
  const cf = (w: any) => JSON.stringify(w.conditionalFormattings.map((c: any) => ({ ref: c.ref, rules: c.rules.map((r: any) => ({ ...r, priority: undefined, style: r.style ? { fill: r.style.fill?.bgColor, font: r.style.font?.color } : undefined })) })));
  if (cf(wa) !== cf(wb)) say(`${wa.name} cf\n ${cf(wa)}\n ${cf(wb)}`);
  const cw = (w: any) => JSON.stringify(w.columns?.map((c: any) => c.width));
  if (cw(wa) !== cw(wb)) say(`${wa.name} widths ${cw(wa)} ${cw(wb)}`);
}
console.log('definedNames', JSON.stringify((a as any).definedNames.model) === JSON.stringify((b as any).definedNames.model) ? 'same' : `${JSON.stringify((a as any).definedNames.model)}\n${JSON.stringify((b as any).definedNames.model)}`);
console.log(`cells compared ${cells}, differences ${diffs}`);
