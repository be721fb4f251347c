// The Office theme ExcelJS ships as a string (its module exports the XML of xl/theme/theme1.xml).
declare module 'exceljs/lib/xlsx/xml/theme1.js' {
  const xml: string;
  export default xml;
}
