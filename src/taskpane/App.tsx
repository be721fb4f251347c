// The task pane's frame: Fluent UI v9 provider in the Office theme, the header, the data-in card,
// the tabs, and a toaster for short messages. Each tab is its own module under views/.
import {
  FluentProvider,
  Tab,
  TabList,
  Toast,
  ToastTitle,
  Toaster,
  makeStyles,
  tokens,
  useId,
  useToastController,
  type Theme,
} from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import type { SubledgerDb } from '../store/db';
import type { Lang, MessageKey } from './i18n';
import { LedgerViewsContext, useLedgerViewsState } from './state/ledger-views';
import { PaneContext, TABS, type Pane, type TabId } from './state/pane';
import { usePaneState } from './state/use-pane-state';
import { useLedgerFunctions } from './state/use-ledger-functions';
import { useWorkbookLink } from './state/use-workbook-link';
import { usePersistedSettings } from './state/use-settings';
import { Header } from './views/Header';
import { OpenItems } from './views/OpenItems';
import { Overview } from './views/Overview';
import { Parties } from './views/Parties';
import { Payments } from './views/Payments';
import { Settings } from './views/Settings';

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
  tabs: { flexWrap: 'wrap' },
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
  }
}

function Tabs({ pane }: { pane: Pane }) {
  const styles = useStyles();
  return (
    <>
      <TabList
        className={styles.tabs}
        selectedValue={pane.tab}
        onTabSelect={(_, data) => pane.setTab(data.value as TabId)}
        aria-label={pane.t('app.title')}
      >
        {TABS.map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`} data-testid={`tab-${id}`} aria-controls="tab-panel">
            {pane.t(TAB_LABEL[id])}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id="tab-panel" aria-labelledby={`tab-${pane.tab}`}>
        <TabPanel tab={pane.tab} />
      </div>
    </>
  );
}

function PaneBody(props: AppProps & { toasterId: string }) {
  const styles = useStyles();
  const { dispatchToast } = useToastController(props.toasterId);
  const notify = useCallback<Pane['notify']>(
    (intent, text) => {
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
        </Toast>,
        { intent, timeout: intent === 'error' ? 10_000 : 4_000 },
      );
    },
    [dispatchToast],
  );
  const base = usePaneState({ ...props, notify });
  const pane = usePersistedSettings(base);
  useWorkbookLink(pane);
  useLedgerFunctions(pane.loaded?.ledger ?? null, pane.asOf, pane.settings.agingBuckets);
  const views = useLedgerViewsState(pane);
  const value = useMemo(() => pane, [pane]);
  return (
    <PaneContext.Provider value={value}>
      <LedgerViewsContext.Provider value={views}>
        <main className={styles.root} lang={pane.lang}>
          <Header />
          <Tabs pane={pane} />
        </main>
      </LedgerViewsContext.Provider>
    </PaneContext.Provider>
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
