/** The after-action products by format (the command line's `export` and the server's downloads). */
export { EXPORT_FORMATS, exportProduct, isExportFormat, type ExportFormat, type ExportOptions, type ExportProduct } from './products.ts';
