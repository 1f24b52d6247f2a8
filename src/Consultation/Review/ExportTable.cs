using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace Consultation.Review;

/// <summary>A column of an exported table, with its heading in both languages of the UI.</summary>
public sealed record ExportColumn<T>(string Zh, string En, Func<T, bool, object?> Value)
{
    public ExportColumn(string zh, string en, Func<T, object?> value) : this(zh, en, (row, _) => value(row)) { }
}

/// <summary>
/// Writes a table as CSV or XLSX, row by row from the database. CSV goes straight to the response; XLSX is a zip
/// that is written through a temporary file (the response only takes asynchronous writes), so neither holds the
/// rows in memory. The row count goes first in a header, for the progress shown while downloading.
/// </summary>
public static class ExportTable
{
    public static readonly string[] Formats = ["csv", "xlsx"];

    public static bool English(HttpRequest request) => request.Query["lang"].ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static async Task WriteAsync<T>(HttpContext http, string name, string format, int rows, ExportColumn<T>[] columns,
        Func<IAsyncEnumerable<T>> asyncRows, Func<IEnumerable<T>> syncRows)
    {
        var english = English(http.Request);
        var headings = columns.Select(c => english ? c.En : c.Zh).ToArray();
        var response = http.Response;
        response.Headers["X-Total-Rows"] = rows.ToString(CultureInfo.InvariantCulture);
        response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{format}\"";
        if (format == "csv")
        {
            response.ContentType = "text/csv; charset=utf-8";
            // A byte-order mark, so that spreadsheet programs read the Chinese text as UTF-8.
            await using var csv = CsvWriter.Create(response.Body, new CsvWriterOptions { WriteByteOrderMark = true }, true);
            await csv.WriteRecordAsync(headings, http.RequestAborted);
            var fields = new string?[columns.Length];
            await foreach (var row in asyncRows().WithCancellation(http.RequestAborted))
            {
                for (var i = 0; i < columns.Length; i++)
                    fields[i] = Convert.ToString(columns[i].Value(row, english), CultureInfo.InvariantCulture);
                await csv.WriteRecordAsync(fields!, http.RequestAborted);
            }
            await csv.FlushAsync(http.RequestAborted);
            return;
        }
        response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                var sheet = syncRows().Select(row =>
                {
                    var cells = new Dictionary<string, object?>(columns.Length);
                    for (var i = 0; i < columns.Length; i++)
                        cells[headings[i]] = columns[i].Value(row, english);
                    return cells;
                });
                await file.SaveAsAsync(sheet, sheetName: name, excelType: ExcelType.XLSX, cancellationToken: http.RequestAborted);
            }
            response.ContentLength = new FileInfo(path).Length;
            await using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
            await read.CopyToAsync(response.Body, http.RequestAborted);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
