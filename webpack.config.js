// Builds the task pane and the ribbon commands page into dist/, with the manifest and icons.
// Production: office.js comes from Microsoft's CDN (required for Marketplace add-ins) and the
// manifest's dev URL is replaced by ADDIN_URL. Development: a local copy of office.js is served too.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';
import webpack from 'webpack';

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

const FUNCTIONS_SOURCE = './src/excel/functions/declarations.ts';
const FUNCTION_NAMES = JSON.parse(readFileSync(path.join(here, 'src/sheets/function-names.json'), 'utf8'));

/**
 * functions.json is generated from the JSDoc of FUNCTIONS_SOURCE by Microsoft's plugin; this writes
 * functions-nl.json and functions-fr.json beside it with the Dutch and French function names
 * (the manifest's Functions.Metadata.Url points Dutch and French Excel at them).
 */
class LocalizedFunctionNames {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('LocalizedFunctionNames', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'LocalizedFunctionNames', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const source = compilation.getAsset('functions.json');
          if (!source) return;
          const metadata = JSON.parse(source.source.source().toString());
          for (const [lang, names] of Object.entries(FUNCTION_NAMES)) {
            const functions = metadata.functions.map((f) => {
              if (!names[f.id]) throw new Error(`src/sheets/function-names.json: no ${lang} name for ${f.id}`);
              return { ...f, name: names[f.id] };
            });
            const json = JSON.stringify({ ...metadata, functions }, null, 2);
            compilation.emitAsset(`functions-${lang}.json`, new webpack.sources.RawSource(json));
          }
        },
      );
    });
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
      // A fixed name: the manifest points at functions.js.
      functions: { import: './src/excel/functions/entry.ts', filename: 'functions.js' },
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
    // One webpack runtime for the page's entries, so the pane and the functions share modules
    // (the ledger the functions answer from is the one the pane publishes).
    optimization: { runtimeChunk: 'single' },
    devtool: fakeExcel ? false : dev ? 'eval-source-map' : 'source-map',
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        templateParameters: { officeJs },
      }),
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS_SOURCE }),
      new LocalizedFunctionNames(),
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
