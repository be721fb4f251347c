// The task pane's frame: Fluent UI v9 provider in the Office theme, the header, the data-in card,
// the tabs (one line; those that do not fit in a More menu), and a toaster for short messages. Each tab is its own module under views/.
import {
  FluentProvider,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  Text,
  Toast,
  ToastTitle,
  Toaster,
  makeStyles,
  tokens,
  useId,
  useIsOverflowItemVisible,
  useOverflowMenu,
  useToastController,
  type Theme,
} from '@fluentui/react-components';
import { memo, useCallback } from 'react';
import type { SubledgerDb } from '../store/db';
import type { Lang, MessageKey } from './i18n';
import { formatNumber } from './format';
import { LedgerViewsContext, useLedgerViews, useLedgerViewsState } from './state/ledger-views';
import {
  LanguageContext,
  LedgerContext,
  NavigationContext,
  SelectionContext,
  SessionContext,
  SettingsContext,
  TABS,
  useLanguage,
  useLedger,
  useNavigation,
  type Session,
  type TabId,
} from './state/pane';
import { usePaneState } from './state/use-pane-state';
import { useLedgerFunctions } from './state/use-ledger-functions';
import { useWorkbookLink } from './state/use-workbook-link';
import { Header } from './views/Header';
import { OpenItems } from './views/OpenItems';
import { Overview } from './views/Overview';
import { Parties } from './views/Parties';
import { Payments } from './views/Payments';
import { Settings } from './views/Settings';
import { TabBoundary } from './views/TabBoundary';
import { YearEnd } from './views/YearEnd';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '288px',
    boxSizing: 'border-box',
    minHeight: '100%',
  },
  // one line at any width: what does not fit goes into the More menu beside the tabs
  tabBar: { display: 'flex', alignItems: 'center', minWidth: 0, overflow: 'hidden' },
  tabs: { flexWrap: 'nowrap', minWidth: 0 },
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
});

export interface AppProps {
  /** The Office host (`Excel`), or null when the pane runs as a plain web page. */
  host: string | null;
  theme: Theme;
  db: SubledgerDb;
  userLanguage: string;
  initialLang: Lang;
}

const TAB_LABEL: Record<TabId, MessageKey> = {
  overview: 'tab.overview',
  openItems: 'tab.openItems',
  parties: 'tab.parties',
  payments: 'tab.payments',
  settings: 'tab.settings',
  yearEnd: 'tab.yearEnd',
};

function TabPanel({ tab }: { tab: TabId }) {
  switch (tab) {
    case 'overview':
      return <Overview />;
    case 'openItems':
      return <OpenItems />;
    case 'parties':
      return <Parties />;
    case 'payments':
      return <Payments />;
    case 'settings':
      return <Settings />;
    case 'yearEnd':
      return <YearEnd />;
  }
}

/** A tab that does not fit is offered in the "More" menu instead (the open tab always stays). */
function OverflowTab({ id }: { id: TabId }) {
  const { t } = useLanguage();
  const { setTab } = useNavigation();
  const visible = useIsOverflowItemVisible(id);
  if (visible) return null;
  return (
    <MenuItem data-testid={`tab-more-${id}`} onClick={() => setTab(id)}>
      {t(TAB_LABEL[id])}
    </MenuItem>
  );
}

function MoreTabs() {
  const { t } = useLanguage();
  const { ref, isOverflowing } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        {/* MenuTrigger types its child's ref as never; the overflow measures this button */}
        <MenuButton ref={ref as never} appearance="transparent" size="small" data-testid="tab-more">
          {t('tab.more')}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {TABS.map((id) => (
            <OverflowTab key={id} id={id} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function Tabs() {
  const styles = useStyles();
  const { t } = useLanguage();
  const { tab, setTab } = useNavigation();
  return (
    <>
      <Overflow minimumVisible={2}>
        <div className={styles.tabBar}>
          <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabId)} aria-label={t('app.title')}>
            {TABS.map((id) => (
              <OverflowItem key={id} id={id} priority={id === tab ? 2 : 1}>
                <Tab className={styles.tab} value={id} id={`tab-${id}`} data-testid={`tab-${id}`} aria-controls="tab-panel">
                  {t(TAB_LABEL[id])}
                </Tab>
              </OverflowItem>
            ))}
          </TabList>
          {/* outside the tab list: a tab list holds tabs only */}
          <MoreTabs />
        </div>
      </Overflow>
      <div role="tabpanel" id="tab-panel" {...(TABS.includes(tab) ? { 'aria-labelledby': `tab-${tab}` } : { 'aria-label': t(TAB_LABEL[tab]) })}>
        <TabBoundary key={tab} title={t('tab.failed')} retry={t('tab.retry')}>
          <TabPanel tab={tab} />
        </TabBoundary>
      </div>
    </>
  );
}

/**
 * Said while a ledger is on its way (its entries decoded a slice at a time), and while a worker
 * makes its item lists (state/ledger-views.ts): the lists are not there yet.
 */
function OpeningNotice() {
  const { t, locale } = useLanguage();
  const { opening } = useLedger();
  const { listsProgress } = useLedgerViews();
  const n = (value: number) => formatNumber(value, locale, 0);
  if (opening)
    return (
      <Text size={200} role="status" data-testid="ledger-opening">
        {t('data.openingLedger')}
      </Text>
    );
  return listsProgress ? (
    <Text size={200} role="status" data-testid="lists-progress">
      {t('data.lists', { done: n(listsProgress.done), total: n(listsProgress.total) })}
    </Text>
  ) : null;
}

/** Memoised: it re-renders only through the contexts its parts read, not with every state change. */
const Frame = memo(function Frame() {
  const styles = useStyles();
  const { lang } = useLanguage();
  return (
    <main className={styles.root} lang={lang}>
      <Header />
      <OpeningNotice />
      <Tabs />
    </main>
  );
});

function PaneBody(props: AppProps & { toasterId: string }) {
  const { dispatchToast, dismissAllToasts } = useToastController(props.toasterId);
  // One message at a time: a new one replaces the one shown (no stale error above a success).
  const notify = useCallback<Session['notify']>(
    (intent, text) => {
      dismissAllToasts();
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
        </Toast>,
        { intent, timeout: intent === 'error' ? 10_000 : 4_000 },
      );
    },
    [dispatchToast, dismissAllToasts],
  );
  const parts = usePaneState({ ...props, notify });
  const { session, language, settings, ledger } = parts;
  useWorkbookLink({ ...session, t: language.t, lang: language.lang });
  useLedgerFunctions(ledger.loaded?.ledger ?? null, session.asOf, settings.settings.agingBuckets);
  const { dueSoonDays, agingBasis, agingBuckets } = settings.settings;
  const views = useLedgerViewsState({ ...session, ledger, dueSoonDays, basis: agingBasis, buckets: agingBuckets });
  return (
    <SessionContext.Provider value={session}>
      <LanguageContext.Provider value={language}>
        <SettingsContext.Provider value={settings}>
          <LedgerContext.Provider value={ledger}>
            <SelectionContext.Provider value={parts.selection}>
              <NavigationContext.Provider value={parts.navigation}>
                <LedgerViewsContext.Provider value={views}>
                  <Frame />
                </LedgerViewsContext.Provider>
              </NavigationContext.Provider>
            </SelectionContext.Provider>
          </LedgerContext.Provider>
        </SettingsContext.Provider>
      </LanguageContext.Provider>
    </SessionContext.Provider>
  );
}

export function App(props: AppProps) {
  const toasterId = useId('toaster');
  return (
    <FluentProvider theme={props.theme} style={{ minHeight: '100%' }}>
      <Toaster toasterId={toasterId} position="top-end" />
      <PaneBody {...props} toasterId={toasterId} />
    </FluentProvider>
  );
}
