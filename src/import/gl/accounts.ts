// Which general-ledger accounts hold the debtors (AR) and the creditors (AP), and the count of
// what a GL export held, for the import report and for the error when no account is found.
//   - the user's prefixes (`arAccounts`/`apAccounts`, CLI `--ar-accounts 411,416`) win;
//   - else an account named as one: Accounts Receivable/Payable, Debiteuren/Crediteuren,
//     Clients/Fournisseurs, Forderungen/Verbindlichkeiten (aus Lieferungen…), Debtors/Creditors;
//   - each format adds what its numbering says (FEC 411…/401…, DATEV personal accounts).
import type { Side } from '../../core/types';
import { importError } from '../issues';
import type { ImportIssue } from '../../core/types';

export interface AccountChoice {
  arAccounts?: string[];
  apAccounts?: string[];
}

const AR_NAMES = /^(accounts? receivables?|trade receivables|debtors?|debiteuren|debiteur|clients?|clients et comptes rattach|forderungen|kunden|deudores|clientes)\b/i;
const AP_NAMES = /^(accounts? payables?|trade payables|creditors?|crediteuren|crediteur|fournisseurs?|fournisseurs et comptes rattach|verbindlichkeiten|lieferanten|acreedores|proveedores)\b/i;

/** The side an account's name says it holds (`Debiteuren`, `1300 - Debiteuren`), or null. */
export function sideOfAccountName(name: string): Side | null {
  const n = name.trim().replace(/\s+/g, ' ').replace(/^\d+\s*[-–:.]?\s*/, '');
  if (AR_NAMES.test(n)) return 'AR';
  if (AP_NAMES.test(n)) return 'AP';
  return null;
}

/** The side the user's prefixes give an account number, or undefined when they say nothing of it. */
export function sideOfChosenAccount(choice: AccountChoice, account: string): Side | undefined {
  if (choice.arAccounts?.some((p) => p !== '' && account.startsWith(p))) return 'AR';
  if (choice.apAccounts?.some((p) => p !== '' && account.startsWith(p))) return 'AP';
  return undefined;
}

/** Account prefixes as a user writes them (CLI `--ar-accounts 411,416`, the pane's answer): `411, 416` → ['411', '416']. */
export function accountPrefixes(text: string): string[] {
  return text.split(',').map((p) => p.trim()).filter((p) => p !== '');
}

export function hasChosenAccounts(choice: AccountChoice): boolean {
  return (choice.arAccounts?.length ?? 0) > 0 || (choice.apAccounts?.length ?? 0) > 0;
}

/** What a GL export held: lines per account (with its name), and which accounts were taken. */
export class AccountTally {
  lines = 0;
  taken = 0;
  private readonly seen = new Map<string, { name: string; lines: number }>();
  private readonly used = new Set<string>();

  /** True when a line on `account` was counted already (its name is then not needed again). */
  knows(account: string): boolean {
    return this.seen.has(account);
  }

  /** Counts one line of the file on `account` (its name kept from the first); `side` when it was taken into a subledger. */
  count(account: string, name: string, side: Side | null): void {
    this.lines++;
    const entry = this.seen.get(account);
    if (entry === undefined) this.seen.set(account, { name, lines: 1 });
    else entry.lines++;
    if (side !== null) {
      this.taken++;
      this.used.add(account);
    }
  }

  /** The accounts the taken lines were on, sorted (at most `max`, then `…`). */
  accounts(max = 6): string[] {
    const all = [...this.used].sort();
    return all.length > max ? [...all.slice(0, max), '…'] : all;
  }

  /** The ten accounts with the most lines, as `411000 Clients (538)`. */
  largest(count = 10): string {
    return [...this.seen.entries()]
      .sort((a, b) => b[1].lines - a[1].lines || (a[0] < b[0] ? -1 : 1))
      .slice(0, count)
      .map(([account, { name, lines }]) => `${account}${name && name !== account ? ` ${name}` : ''} (${lines})`)
      .join(', ');
  }

  /** The error for a GL export in which no line is on a receivable or payable account. */
  noSubledgerError(file: string): ImportIssue {
    return importError('gl-no-subledger-accounts', { file }, { lines: this.lines, accounts: this.largest() });
  }
}
