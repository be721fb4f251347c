// Entry of the task pane: waits for Office (or learns it runs outside Office), picks the theme and
// the language (Office's display language in Office, the browser's outside), opens the database
// and renders the app.
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { displayLanguage, officeReady, officeTheme } from '../excel/office-host';
import { SubledgerDb } from '../store/db';
import { App } from './App';
import { DICTIONARIES, languageOf, translate } from './i18n';

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');
const root = createRoot(container);

void officeReady().then(({ host }) => {
  const userLanguage = (host !== null ? displayLanguage() : null) ?? navigator.language;
  const theme = host !== null && officeTheme()?.dark === true ? webDarkTheme : webLightTheme;
  const lang = languageOf(userLanguage);
  const db = new SubledgerDb(undefined, {
    onVersionChange: () => {
      root.unmount();
      container.textContent = translate(DICTIONARIES[lang], 'error.reload');
    },
  });
  root.render(<App host={host} theme={theme} db={db} userLanguage={userLanguage} initialLang={lang} />);
});
