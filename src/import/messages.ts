// Import issues in the user's language: a template per issue `code`, filled with the issue's
// params and prefixed with where it is (file, line or element path, field).
//   localizeIssue({ code: 'bad-date', file: 'a.csv', line: 4, field: 'entry_date',
//                   params: { value: '31-02-2024' }, … }, 'nl')
//   → "a.csv, regel 4, veld entry_date: 31-02-2024 is geen geldige datum"
// `ImportIssue.message` holds the English sentence without the place (as the engine's issues do).
// The sentences of the codes the engine raises (bad-date, duplicate-doc, …) live with the rules
// that raise them, in core/issue-texts.ts; this file holds the importers' own codes only.
import type { ImportIssue, ImportSource } from '../core/types';
import { CORE_ISSUE_TEXTS, describePlace, issueSentence, shownValue, type IssueTexts } from '../core/issue-texts';
import { fill, LOCALES, type Lang, type Words } from '../core/words';

type Templates = IssueTexts;

const TEMPLATES: Templates = {
  'empty-file': { en: 'the file is empty', nl: 'het bestand is leeg', fr: 'le fichier est vide' },
  'no-rows': {
    en: 'the file has a header but no rows',
    nl: 'het bestand heeft een kopregel maar geen regels',
    fr: "le fichier a un en-tête mais aucune ligne",
  },
  'unknown-format': {
    en: 'this is not a subledger CSV, a CSV/XLSX export, a SAF-T Financial or an XAF 3.2 file',
    nl: 'dit is geen subledger-CSV, CSV/XLSX-export, SAF-T Financial- of XAF 3.2-bestand',
    fr: "ce n'est ni un CSV subledger, ni un export CSV/XLSX, ni un fichier SAF-T Financial ou XAF 3.2",
  },
  'unknown-xml': {
    en: 'XML with root element {root} (namespace {ns}) is neither a SAF-T auditfile (AuditFile) nor an XAF 3.2 auditfile (auditfile)',
    nl: 'XML met hoofdelement {root} (namespace {ns}) is geen SAF-T-auditfile (AuditFile) en geen XAF 3.2-auditfile (auditfile)',
    fr: "le XML d'élément racine {root} (espace de noms {ns}) n'est ni un fichier d'audit SAF-T (AuditFile) ni un XAF 3.2 (auditfile)",
  },
  'wrong-namespace': {
    en: 'namespace {ns} is not the expected {expected}',
    nl: 'namespace {ns} is niet de verwachte {expected}',
    fr: "l'espace de noms {ns} n'est pas {expected}",
  },
  'malformed-xml': {
    en: 'the XML is malformed: {reason}',
    nl: 'de XML is niet goed gevormd: {reason}',
    fr: 'le XML est mal formé : {reason}',
  },
  'doctype-entities': {
    en: 'the file declares entities in a DOCTYPE; such files are refused',
    nl: 'het bestand declareert entiteiten in een DOCTYPE; zulke bestanden worden geweigerd',
    fr: 'le fichier déclare des entités dans un DOCTYPE ; ces fichiers sont refusés',
  },
  'missing-element': {
    en: 'required element {element} is missing',
    nl: 'verplicht element {element} ontbreekt',
    fr: "l'élément obligatoire {element} manque",
  },
  'missing-column': {
    en: 'required column {column} is missing',
    nl: 'verplichte kolom {column} ontbreekt',
    fr: 'la colonne obligatoire {column} manque',
  },
  'unmapped-fields': {
    en: 'no column was found for {fields}',
    nl: 'geen kolom gevonden voor {fields}',
    fr: 'aucune colonne trouvée pour {fields}',
  },
  'bad-code': {
    en: '{value} is not a valid value here (expected {expected})',
    nl: '{value} is hier geen geldige waarde (verwacht: {expected})',
    fr: "{value} n'est pas une valeur valide ici (attendu : {expected})",
  },
  'unknown-entry-type': {
    en: '{value} is not a known document type; such lines are typed by their sign (invoice, or credit note when negative)',
    nl: '{value} is geen bekend documenttype; zulke regels krijgen hun type uit het teken (factuur, of creditnota als negatief)',
    fr: "{value} n'est pas un type de document connu ; ces lignes sont typées par leur signe (facture, ou note de crédit si négatif)",
  },
  'ambiguous-dates': {
    en: 'the dates fit both day-first and month-first; read as {order} ({locale})',
    nl: 'de datums passen zowel dag-eerst als maand-eerst; gelezen als {order} ({locale})',
    fr: 'les dates conviennent au jour en premier comme au mois en premier ; lues comme {order} ({locale})',
  },
  'encoding-fallback': {
    en: 'the file is not valid UTF-8 and was read as Windows-1252',
    nl: 'het bestand is geen geldige UTF-8 en is gelezen als Windows-1252',
    fr: "le fichier n'est pas en UTF-8 valide et a été lu en Windows-1252",
  },
  'declared-encoding-mismatch': {
    en: 'the file declares {declared} but is not; it was read as Windows-1252',
    nl: 'het bestand zegt {declared} te zijn maar is dat niet; gelezen als Windows-1252',
    fr: "le fichier se déclare {declared} mais ne l'est pas ; lu en Windows-1252",
  },
  'lenient-value': {
    en: '{value} breaks the schema and was read as {read}',
    nl: '{value} wijkt af van het schema en is gelezen als {read}',
    fr: '{value} ne respecte pas le schéma et a été lu comme {read}',
  },
  'unknown-party': {
    en: 'party {party} is not in the master data; its lines are imported without a name',
    nl: 'relatie {party} staat niet in de stamgegevens; de regels worden zonder naam ingelezen',
    fr: 'le tiers {party} ne figure pas dans les données de base ; ses lignes sont importées sans nom',
  },
  'renamed-document': {
    en: 'document number {doc} is used twice by this party; this one is imported as {renamed}',
    nl: 'documentnummer {doc} komt twee keer voor bij deze relatie; dit document is ingelezen als {renamed}',
    fr: 'le numéro de document {doc} est utilisé deux fois pour ce tiers ; celui-ci est importé comme {renamed}',
  },
  'duplicate-master-party': {
    en: 'party {party} is listed twice in the master data; the first listing is used',
    nl: 'relatie {party} staat twee keer in de stamgegevens; de eerste wordt gebruikt',
    fr: 'le tiers {party} figure deux fois dans les données de base ; la première fiche est retenue',
  },
  'negative-quantity': {
    en: '{count} line(s) have a negative quantity, which the schema does not allow; the quantities were ignored',
    nl: '{count} regel(s) hebben een negatief aantal, wat het schema niet toestaat; de aantallen zijn genegeerd',
    fr: '{count} ligne(s) ont une quantité négative, ce que le schéma interdit ; les quantités ont été ignorées',
  },
  'canonical-dialect': {
    en: 'the columns are the subledger CSV’s, but amounts or dates are written another way (decimal comma, day-first); they were read as such',
    nl: 'de kolommen zijn die van de subledger-CSV, maar bedragen of datums zijn anders geschreven (decimale komma, dag eerst); zo zijn ze gelezen',
    fr: 'les colonnes sont celles du CSV subledger, mais les montants ou dates sont écrits autrement (virgule décimale, jour en premier) ; ils ont été lus ainsi',
  },
  'file-base-currency': {
    en: 'the file keeps its books in {currency}, so {currency} is the base currency (not {asked})',
    nl: 'het bestand boekt in {currency}, dus {currency} is de basisvaluta (niet {asked})',
    fr: 'le fichier tient sa comptabilité en {currency}, qui est donc la devise de base (et non {asked})',
  },
  'no-control-account': {
    en: '{count} lines name a customer or supplier, but the file has no subledgers and no account recognisable as debtors or creditors; no entries were taken from them',
    nl: '{count} regels noemen een klant of leverancier, maar het bestand heeft geen subadministraties en geen herkenbare rekening debiteuren of crediteuren; er zijn geen posten uit overgenomen',
    fr: "{count} lignes nomment un client ou un fournisseur, mais le fichier n'a pas de sous-journaux ni de compte clients ou fournisseurs reconnaissable ; aucune écriture n'en a été reprise",
  },
  'no-side': {
    en: 'nothing in the file says whether it holds receivables (customers) or payables (suppliers): no side column and no customer or supplier header; say which subledger it is (command line: --side AR or --side AP)',
    nl: 'niets in het bestand zegt of het debiteuren (klanten) of crediteuren (leveranciers) bevat: geen kolom met de zijde en geen kop klant of leverancier; geef aan welke subadministratie het is (opdrachtregel: --side AR of --side AP)',
    fr: "rien dans le fichier ne dit s'il contient des créances (clients) ou des dettes (fournisseurs) : ni colonne du côté, ni en-tête client ou fournisseur ; indiquez de quel sous-journal il s'agit (ligne de commande : --side AR ou --side AP)",
  },
  'bad-sign': {
    en: '"{value}" is not a debit/credit indicator (D/C, S/H, Debit/Credit)',
    nl: '"{value}" is geen debet/credit-aanduiding (D/C, S/H, Debet/Credit)',
    fr: '« {value} » n\'est pas un indicateur débit/crédit (D/C, S/H, Débit/Crédit)',
  },
  'documents-left-out': {
    en: '{drafts} draft and {cancelled} cancelled documents ({lines} lines) were left out: they are not receivables or payables',
    nl: '{drafts} concept- en {cancelled} geannuleerde documenten ({lines} regels) zijn weggelaten: het zijn geen vorderingen of schulden',
    fr: '{drafts} documents en brouillon et {cancelled} annulés ({lines} lignes) ont été écartés : ce ne sont ni des créances ni des dettes',
  },
  'invoice-lines-disagree': {
    en: 'this line of document {doc} gives "{value}" where its line {firstLine} gives "{first}"; the lines of one document must agree',
    nl: 'deze regel van document {doc} geeft "{value}" waar regel {firstLine} ervan "{first}" geeft; de regels van één document moeten overeenstemmen',
    fr: "cette ligne du document {doc} donne « {value} » alors que sa ligne {firstLine} donne « {first} » ; les lignes d'un document doivent concorder",
  },
  'line-sum-differs': {
    en: 'the lines of {count} document(s) do not add up to their total (first: {doc}, lines {lines}, total {total}); the total was taken (tax, shipping or discounts may explain it)',
    nl: 'de regels van {count} document(en) tellen niet op tot hun totaal (eerste: {doc}, regels {lines}, totaal {total}); het totaal is genomen (btw, verzendkosten of kortingen kunnen het verklaren)',
    fr: "les lignes de {count} document(s) ne totalisent pas leur total (premier : {doc}, lignes {lines}, total {total}) ; le total a été retenu (la TVA, le port ou des remises peuvent l'expliquer)",
  },
  'open-amount-ignored': {
    en: 'the column is not an open amount (somewhere it exceeds the total or has the other sign, like a running balance) and was left aside',
    nl: 'de kolom is geen openstaand bedrag (ergens groter dan het totaal of met het andere teken, zoals een lopend saldo) en is niet gebruikt',
    fr: "la colonne n'est pas un montant restant dû (elle dépasse parfois le total ou change de signe, comme un solde progressif) et n'a pas été utilisée",
  },
  'payment-date-assumed': {
    en: '{count} document(s) are partly or wholly paid but the file gives no payment date; those payments are dated {date}, the latest date in the file',
    nl: '{count} document(en) zijn geheel of deels betaald maar het bestand geeft geen betaaldatum; die betalingen zijn gedateerd op {date}, de laatste datum in het bestand',
    fr: '{count} document(s) sont payés en tout ou partie mais le fichier ne donne pas de date de paiement ; ces paiements sont datés du {date}, la dernière date du fichier',
  },
  'rate-mismatch': {
    en: 'the base amount {base} is neither {amount} × the rate {rate} nor {amount} ÷ {rate}',
    nl: 'het bedrag in basisvaluta {base} is noch {amount} × de koers {rate}, noch {amount} ÷ {rate}',
    fr: 'le montant en devise de base {base} ne vaut ni {amount} × le taux {rate} ni {amount} ÷ {rate}',
  },
  'skipped-total-row': {
    en: 'the line "{value}" is a totals line and was skipped',
    nl: 'de regel "{value}" is een totaalregel en is overgeslagen',
    fr: 'la ligne « {value} » est une ligne de total et a été ignorée',
  },
  'gl-no-subledger-accounts': {
    en: 'this general ledger ({lines} lines) has no line on a receivable or payable account that could be recognised; the accounts with most lines: {accounts}. Name the debtors and creditors accounts (--ar-accounts / --ap-accounts)',
    nl: 'dit grootboek ({lines} regels) heeft geen regel op een herkenbare rekening debiteuren of crediteuren; de rekeningen met de meeste regels: {accounts}. Geef de rekeningen van debiteuren en crediteuren op (--ar-accounts / --ap-accounts)',
    fr: "ce grand livre ({lines} lignes) n'a aucune ligne sur un compte clients ou fournisseurs reconnaissable ; les comptes aux lignes les plus nombreuses : {accounts}. Indiquez les comptes clients et fournisseurs (--ar-accounts / --ap-accounts)",
  },
  'bad-value': {
    en: '{value} is not one of the values this field takes',
    nl: '{value} is geen van de waarden die dit veld aanneemt',
    fr: "{value} n'est pas une des valeurs admises pour ce champ",
  },
  'no-subledger-lines': {
    en: 'no line names a customer or supplier',
    nl: 'geen enkele regel noemt een klant of leverancier',
    fr: 'aucune ligne ne nomme un client ou un fournisseur',
  },
  'ragged-row': {
    en: 'the line has {found} fields where the header has {expected}',
    nl: 'de regel heeft {found} velden waar de kopregel er {expected} heeft',
    fr: "la ligne a {found} champs alors que l'en-tête en a {expected}",
  },
  'csv-open-quote': {
    en: 'a quoted field begins on this line and its closing quote is missing',
    nl: 'op deze regel begint een veld tussen aanhalingstekens waarvan het sluitende aanhalingsteken ontbreekt',
    fr: 'un champ entre guillemets commence à cette ligne et son guillemet fermant manque',
  },
  'csv-stray-quote': {
    en: 'a quoted field that begins on this line is followed by more text after its closing quote',
    nl: 'een veld tussen aanhalingstekens dat op deze regel begint, heeft nog tekst na het sluitende aanhalingsteken',
    fr: 'un champ entre guillemets commençant à cette ligne est suivi de texte après son guillemet fermant',
  },
  'quote-spans-lines': {
    en: 'a quoted field that begins on this line runs over {lines} lines and swallows what look like rows of the file; is a closing quote missing?',
    nl: 'een veld tussen aanhalingstekens dat op deze regel begint, loopt over {lines} regels en slokt wat op regels van het bestand lijkt op; ontbreekt er een sluitend aanhalingsteken?',
    fr: "un champ entre guillemets commençant à cette ligne s'étend sur {lines} lignes et avale ce qui ressemble à des lignes du fichier ; manque-t-il un guillemet fermant ?",
  },
  'line-too-long': {
    en: 'the line is longer than {max} characters; this is not a ledger export',
    nl: 'de regel is langer dan {max} tekens; dit is geen export van een administratie',
    fr: "la ligne dépasse {max} caractères ; ce n'est pas un export comptable",
  },
  'duplicate-column': {
    en: 'the header names {column} twice (columns {first} and {second}); which one is meant?',
    nl: 'de kopregel noemt {column} twee keer (kolommen {first} en {second}); welke is bedoeld?',
    fr: "l'en-tête nomme {column} deux fois (colonnes {first} et {second}) ; laquelle est la bonne ?",
  },
  'xlsx-shared-string': {
    en: 'cell {cell} refers to shared text number {index}, but the workbook holds {count} shared texts (xl/sharedStrings.xml is missing or damaged)',
    nl: 'cel {cell} verwijst naar gedeelde tekst nummer {index}, maar de werkmap bevat er {count} (xl/sharedStrings.xml ontbreekt of is beschadigd)',
    fr: 'la cellule {cell} renvoie au texte partagé numéro {index}, mais le classeur en contient {count} (xl/sharedStrings.xml manque ou est endommagé)',
  },
  'xlsx-bad-cell-ref': {
    en: 'the cell reference {cell} lies outside a worksheet (columns A to XFD, rows 1 to 1048576); the workbook is damaged',
    nl: 'de celverwijzing {cell} ligt buiten een werkblad (kolommen A tot XFD, rijen 1 tot 1048576); de werkmap is beschadigd',
    fr: 'la référence de cellule {cell} est hors d’une feuille (colonnes A à XFD, lignes 1 à 1048576) ; le classeur est endommagé',
  },
  'xlsx-long-cell': {
    en: 'cell {cell} holds more text than a cell can ({max} characters); the workbook is damaged',
    nl: 'cel {cell} bevat meer tekst dan een cel kan bevatten ({max} tekens); de werkmap is beschadigd',
    fr: 'la cellule {cell} contient plus de texte qu’une cellule ne peut ({max} caractères) ; le classeur est endommagé',
  },
  'xlsx-too-many-cells': {
    en: 'the sheet fills more than {max} cells; save the table as CSV to import it',
    nl: 'het werkblad vult meer dan {max} cellen; sla de tabel op als CSV om ze in te lezen',
    fr: 'la feuille remplit plus de {max} cellules ; enregistrez le tableau en CSV pour l’importer',
  },
  'encrypted-workbook': {
    en: 'this is an encrypted workbook: open it in Excel and save it without a password (or as CSV) to import it',
    nl: 'dit is een versleutelde werkmap: open ze in Excel en sla ze op zonder wachtwoord (of als CSV) om ze in te lezen',
    fr: 'ceci est un classeur chiffré : ouvrez-le dans Excel et enregistrez-le sans mot de passe (ou en CSV) pour l’importer',
  },
  'legacy-xls': {
    en: 'this is a legacy .xls workbook: save it as .xlsx or CSV to import it',
    nl: 'dit is een oude .xls-werkmap: sla ze op als .xlsx of CSV om ze in te lezen',
    fr: 'ceci est un ancien classeur .xls : enregistrez-le en .xlsx ou en CSV pour l’importer',
  },
  'ole-document': {
    en: 'this is an older Office document (an OLE compound file), not a ledger export',
    nl: 'dit is een ouder Office-document (een OLE-bestand), geen export van een administratie',
    fr: 'ceci est un ancien document Office (un fichier OLE composé), pas un export comptable',
  },
  'too-large': {
    en: 'the file is larger than the {max} accepted for a {kind} file; if it is a real export, raise the limit',
    nl: 'het bestand is groter dan de {max} die voor een {kind}-bestand aanvaard wordt; verhoog de grens als het een echte export is',
    fr: 'le fichier dépasse les {max} acceptés pour un fichier {kind} ; s’il s’agit d’un vrai export, relevez la limite',
  },
  'xlsx-unreadable': {
    en: 'the XLSX workbook could not be read: {reason}',
    nl: 'de XLSX-werkmap kon niet gelezen worden: {reason}',
    fr: 'le classeur XLSX est illisible : {reason}',
  },
  unreadable: {
    en: 'the file could not be read: {reason}',
    nl: 'het bestand kon niet gelezen worden: {reason}',
    fr: 'le fichier est illisible : {reason}',
  },
  cancelled: { en: 'the import was cancelled', nl: 'de import is geannuleerd', fr: "l'import a été annulé" },
  'duplicate-rate': {
    en: '{currency} has a second rate for {date}',
    nl: '{currency} heeft een tweede koers voor {date}',
    fr: '{currency} a un second cours pour le {date}',
  },
  'no-rates': {
    en: 'the file holds no exchange rates',
    nl: 'het bestand bevat geen wisselkoersen',
    fr: 'le fichier ne contient aucun cours de change',
  },
  'not-rates-xml': {
    en: 'XML with root element {root} (namespace {ns}) is not the ECB eurofxref rates file',
    nl: 'XML met hoofdelement {root} (namespace {ns}) is geen ECB-koersbestand (eurofxref)',
    fr: "le XML d'élément racine {root} (espace de noms {ns}) n'est pas le fichier de cours eurofxref de la BCE",
  },
  'bad-rates-file': {
    en: 'this is neither a rates CSV (currency,rate[,date]) nor the ECB eurofxref XML',
    nl: 'dit is geen koersen-CSV (currency,rate[,date]) en geen ECB-koersbestand (eurofxref XML)',
    fr: "ce n'est ni un CSV de cours (currency,rate[,date]) ni le XML eurofxref de la BCE",
  },
  'missing-rate': {
    en: 'no closing rate for {currency} on or before {date}; nothing is revalued',
    nl: 'geen slotkoers voor {currency} op of vóór {date}; er wordt niets geherwaardeerd',
    fr: 'aucun cours de clôture pour {currency} au {date} ou avant ; rien n’est réévalué',
  },
};

/** Every issue sentence: the engine's (core/issue-texts) and the importers' own. */
const ISSUE_TEXTS: IssueTexts = { ...CORE_ISSUE_TEXTS, ...TEMPLATES };

/** The issue's sentence without its place, in `lang`; null for a code no catalogue knows. */
export function issueText(issue: ImportIssue, lang: Lang): string | null {
  return issueSentence(ISSUE_TEXTS, issue, lang);
}

/** The issue's sentence in English, without its place (what `ImportIssue.message` holds). */
export function englishText(issue: ImportIssue): string {
  return issueText(issue, 'en') ?? issue.code;
}

/**
 * The issue with its place, in the user's language. An issue whose code this module does not
 * know keeps its own (English) sentence.
 */
export function localizeIssue(issue: ImportIssue, lang: Lang): string {
  return `${describePlace(issue, lang)}: ${issueText(issue, lang) ?? shownValue(issue.message)}`;
}

/** Codes with a sentence (for tests: every code raised has one). */
export function knownIssueCodes(): string[] {
  return Object.keys(ISSUE_TEXTS);
}

/** The kinds of file an importer can take its input for (`ImportSource.kind`). */
const SOURCE_KINDS: Templates = {
  'subledger-csv': { en: 'subledger CSV', nl: 'subledger-CSV', fr: 'CSV subledger' },
  csv: { en: 'CSV export', nl: 'CSV-export', fr: 'export CSV' },
  xlsx: { en: 'XLSX export', nl: 'XLSX-export', fr: 'export XLSX' },
  table: { en: 'workbook table', nl: 'tabel uit de werkmap', fr: 'tableau du classeur' },
  'saf-t': { en: 'SAF-T', nl: 'SAF-T', fr: 'SAF-T' },
  xaf: { en: 'XAF', nl: 'XAF', fr: 'XAF' },
  fec: { en: 'FEC general ledger', nl: 'FEC-grootboek', fr: 'grand livre FEC' },
  datev: { en: 'DATEV posting batch', nl: 'DATEV-boekingsbatch', fr: "lot d'écritures DATEV" },
  'gl-transactions': { en: 'general-ledger transaction list', nl: 'lijst van grootboekmutaties', fr: 'liste des écritures du grand livre' },
  'invoice-list': { en: 'invoice list', nl: 'factuurlijst', fr: 'liste de factures' },
  demo: { en: 'demo data', nl: 'demogegevens', fr: 'données de démonstration' },
};

/** The parts of a source description; `{n}` is a count, `{accounts}` a list, `{reason}` a code. */
const SOURCE_PARTS: Templates = {
  lines: { en: '{n} lines', nl: '{n} regels', fr: '{n} lignes' },
  taken: { en: '{n} on {accounts}', nl: '{n} op {accounts}', fr: '{n} sur {accounts}' },
  'taken-plain': { en: '{n} taken', nl: '{n} overgenomen', fr: '{n} reprises' },
  'other-accounts': { en: '{n} on other accounts left out', nl: '{n} op andere rekeningen weggelaten', fr: '{n} sur d’autres comptes écartées' },
  draft: { en: '{n} drafts left out', nl: '{n} concepten weggelaten', fr: '{n} brouillons écartés' },
  cancelled: { en: '{n} cancelled left out', nl: '{n} geannuleerde weggelaten', fr: '{n} annulées écartées' },
  'left-out': { en: '{n} left out ({reason})', nl: '{n} weggelaten ({reason})', fr: '{n} écartées ({reason})' },
  matched: { en: '{n} matched', nl: '{n} afgeletterd', fr: '{n} lettrées' },
  documents: { en: '{n} documents', nl: '{n} documenten', fr: '{n} documents' },
};

/**
 * What the importer took the file for, in `lang`:
 *   "FEC general ledger, 5,422 lines: 1,350 on 401, 411, 4,072 on other accounts left out; 310 matched"
 */
export function describeSource(source: ImportSource, lang: Lang): string {
  const count = new Intl.NumberFormat(LOCALES[lang]);
  const part = (name: string, params: Record<string, string | number> = {}, n = 0): string =>
    fill((SOURCE_PARTS[name] as Words)[lang], { ...params, n: count.format(n) });
  const kindName = SOURCE_KINDS[source.kind]?.[lang] ?? source.kind;
  const kind = source.variant === undefined ? kindName : `${kindName} ${source.variant}`;
  const details: string[] = [];
  if (source.taken !== undefined) {
    const accounts = source.accounts ?? [];
    details.push(accounts.length > 0 ? part('taken', { accounts: shownValue(accounts.join(', ')) }, source.taken) : part('taken-plain', {}, source.taken));
  }
  for (const [reason, n] of Object.entries(source.leftOut ?? {})) {
    if (n > 0) details.push(SOURCE_PARTS[reason] ? part(reason, {}, n) : part('left-out', { reason }, n));
  }
  const documents = source.documents === undefined ? '' : ` → ${part('documents', {}, source.documents)}`;
  const head = `${kind}, ${part(source.unit ?? 'lines', {}, source.lines)}${documents}${details.length > 0 ? `${lang === 'fr' ? ' :' : ':'} ${details.join(', ')}` : ''}`;
  return source.matched === undefined ? head : `${head}; ${part('matched', {}, source.matched)}`;
}

/** The message tables, for the catalogue check (every key in every language). */
export const IMPORT_CATALOGUES = {
  TEMPLATES,
  SOURCE_KINDS,
  SOURCE_PARTS,
} as const;
