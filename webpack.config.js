// Builds the task pane and the ribbon commands page into dist/, with the manifest and icons.
// Production: office.js comes from Microsoft's CDN (required for Marketplace add-ins) and the
// manifest's dev URL is replaced by ADDIN_URL. Development: a local copy of office.js is served too.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';

const here = path.dirname(fileURLToPath(import.meta.url));
const URL_DEV = 'https://localhost:3000/';
const URL_PROD = process.env.ADDIN_URL ?? 'https://subledger.example.com/';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

async function devServerHttps() {
  try {
    const devCerts = await import('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options };
  } catch (error) {
    console.warn(`office-addin-dev-certs unavailable (${error.message}); serving plain HTTP.`);
    return { type: 'http' };
  }
}

// `--env fakeExcel`: a TEST build into out/dist-fake-excel/ whose pages load the fake Excel API of
// test/fake-excel/ (test/browser/fake-office.ts) instead of office.js, so browser tests can run the
// pane inside a simulated Excel host. The normal build never includes it.
const FAKE_OFFICE = 'fake-office.js';

export default async (env, argv) => {
  const dev = argv.mode !== 'production';
  const fakeExcel = Boolean(env.fakeExcel);
  const officeJs = fakeExcel ? FAKE_OFFICE : dev ? 'office/office.js' : OFFICE_CDN;
  return {
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/excel/commands.ts',
      ...(fakeExcel ? { 'fake-office': { import: './test/browser/fake-office.ts', filename: FAKE_OFFICE } } : {}),
    },
    output: {
      path: path.resolve(here, fakeExcel ? 'out/dist-fake-excel' : 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: { fs: false, path: false, stream: false } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    devtool: fakeExcel ? false : dev ? 'eval-source-map' : 'source-map',
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJs },
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/excel/commands.html',
        chunks: ['commands'],
        templateParameters: { officeJs },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : content.toString().replaceAll(URL_DEV, URL_PROD)),
          },
          ...(dev
            ? [
                {
                  from: 'node_modules/@microsoft/office-js/dist',
                  to: 'office',
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.WEBPACK_SERVE ? await devServerHttps() : "http",
      static: { directory: path.resolve(here, 'dist') },
    },
  };
};
