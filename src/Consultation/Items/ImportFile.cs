using System.Globalization;
using System.IO.Compression;
using System.Text.Unicode;
using CsvHelper;
using MiniExcelLibs;

namespace Consultation.Items;

/// <summary>One line of an import file, numbered as the file numbers it (the header is line 1).</summary>
public sealed record ImportLine(int Line, string?[] Cells)
{
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// An import file read as lines of text cells: a UTF-8 CSV (with or without BOM) or the first sheet of an .xlsx
/// workbook. What the file is, is decided by its content as well as its name.
/// </summary>
public sealed record ImportFile(ImportLine[] Lines)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5_000;
    public const string Accepted = "a CSV file saved as UTF-8 (.csv) or an Excel workbook (.xlsx)";

    // A workbook that unpacks to more than this is not a list of items (or is a zip bomb).
    private const long MaxUnpackedBytes = 200 * 1024 * 1024;
    // Empty rows are read through, up to this row.
    private const int MaxLines = 50_000;

    /// <summary>The lines of the file, or why it cannot be read, saying which formats are accepted.</summary>
    public static (ImportFile? File, string? Problem) Read(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var zip = content.AsSpan().StartsWith("PK\u0003\u0004"u8);
        return extension switch
        {
            ".xlsx" when zip => ReadWorkbook(content),
            ".xlsx" => (null, $"'{fileName}' is not an Excel workbook inside. Upload {Accepted}."),
            ".csv" when zip => (null, $"'{fileName}' is an Excel workbook named .csv: rename it to .xlsx, or save it from Excel as CSV UTF-8, and upload it again."),
            ".csv" when IsText(content) => ReadCsv(content),
            ".csv" => (null, $"'{fileName}' is not UTF-8 text. In Excel choose Save As > 'CSV UTF-8 (逗号分隔)(*.csv)', or save it as .xlsx, then upload it again. Upload {Accepted}."),
            _ => (null, $"'{fileName}' cannot be imported. Upload {Accepted}."),
        };
    }

    private static bool IsText(byte[] content) =>
        Utf8.IsValid(content) && !content.Any(b => b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n'));

    private static (ImportFile?, string?) ReadCsv(byte[] content)
    {
        var lines = new List<ImportLine>();
        using var csv = CsvReader.Create(content, new CsvReaderOptions { Separator = ',', HasHeader = false, TrackLineNumbers = true });
        while (csv.Read())
        {
            if (lines.Count > MaxRows)
                return (null, TooManyRows);
            lines.Add(new ImportLine((int)csv.LineNumber, Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToArray()));
        }
        return (new ImportFile(lines.ToArray()), null);
    }

    private static (ImportFile?, string?) ReadWorkbook(byte[] content)
    {
        try
        {
            using (var archive = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read))
                if (archive.Entries.Count > 1_000 || archive.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                    return (null, "The workbook is too large once unpacked: copy the rows into a new workbook (or a CSV file) and upload that.");
            var lines = new List<ImportLine>();
            var line = 0;
            using var workbook = new MemoryStream(content);
            foreach (IDictionary<string, object?> row in workbook.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                // Empty rows come through too, so that the count is the sheet's own row number.
                if (++line > MaxLines)
                    return (null, $"The sheet goes on past row {MaxLines:N0}: delete the rows below the items (even empty-looking ones) and upload it again.");
                var cells = new string?[row.Count == 0 ? 0 : row.Keys.Max(ColumnIndex) + 1];
                foreach (var (column, value) in row)
                    cells[ColumnIndex(column)] = Text(value);
                var read = new ImportLine(line, cells);
                if (read.IsEmpty)
                    continue;
                if (lines.Count > MaxRows)
                    return (null, TooManyRows);
                lines.Add(read);
            }
            return (new ImportFile(lines.ToArray()), null);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or System.Xml.XmlException)
        {
            return (null, $"The workbook could not be read ({e.Message.TrimEnd('.')}). Open it in Excel, save it again as .xlsx (or as CSV UTF-8) and upload it again.");
        }
    }

    private static readonly string TooManyRows =
        $"The file has more than {MaxRows:N0} items: split it into several files and import each of them.";

    /// <summary>"A" is 0, "Z" 25, "AA" 26.</summary>
    private static int ColumnIndex(string column) => column.Aggregate(0, (index, letter) => index * 26 + (letter - 'A' + 1)) - 1;

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
