// The custom functions' script (manifest: <CustomFunctions><Script>), loaded in the task pane's
// page, which is the shared runtime. Outside Excel (a plain browser, an Excel without custom
// functions) there is no CustomFunctions to register with, and the pane runs without them.
if (typeof CustomFunctions !== 'undefined') void import('./declarations');
