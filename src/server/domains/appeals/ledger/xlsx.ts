// Small xlsx helpers shared by the KPI and ledger sheets: the download headers, Shanghai wall-clock times as Excel dates, header styling.
import type { FastifyReply } from 'fastify';
import type { Row, Worksheet } from 'exceljs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Sets the download headers; the Chinese file name travels as RFC 5987 `filename*`, with an ASCII fallback. */
export function sendAsXlsx(reply: FastifyReply, fileName: string, asciiName: string): void {
  reply.header('content-type', XLSX_TYPE);
  reply.header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  reply.header('cache-control', 'no-store');
}

/** Excel has no time zones: a cell shows the wall-clock time it is given, so an instant is written as its Shanghai wall clock. */
export const excelTime = (instant: Date | null): Date | null => (instant ? new Date(instant.getTime() + SHANGHAI_OFFSET_MS) : null);

/** The inverse of `excelTime`, for dates read from a sheet. */
export const fromExcelTime = (wallClock: Date): Date => new Date(wallClock.getTime() - SHANGHAI_OFFSET_MS);

export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const PERCENT_FORMAT = '0.00%';

export function styleHeader(row: Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
}

/** Header texts and widths, without the `header` property (which would write the header into row 1 at once). */
export function setColumns(sheet: Worksheet, columns: ReadonlyArray<{ key: string; width: number; numFmt?: string }>): void {
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
}
