// The ribbon's function file. The Subledger button uses ShowTaskpane, which needs no code; this
// page only has to initialise Office so that Excel accepts it as the add-in's FunctionFile.
if (typeof Office !== 'undefined') {
  void Office.onReady();
}
