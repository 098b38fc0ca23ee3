/** The CLI's `--csv`: the same writer as the editor's "Download CSV" (src/share/series-csv.ts). */
export { seriesToCsv } from '../share/series-csv.ts';
