using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Consultation.Data;
using Consultation.Deputies;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Items;

internal enum ImportColumn { Number, Kind, Level, Title, Body, Problem, Requests, Submitter, CoSigners }

/// <summary>An item that the import would create, with the paper number it brings if any.</summary>
internal sealed record ImportedItem(Item Item, int? GivenSequence);

/// <summary>
/// What importing a file would do: every row checked against the deputies' records and the session's items,
/// each problem with its line, field and what to fix. Nothing is written here.
/// </summary>
internal sealed class ImportPlan
{
    private static readonly (ImportColumn Column, string Chinese)[] Columns =
    [
        (ImportColumn.Number, "编号"), (ImportColumn.Kind, "类别"), (ImportColumn.Level, "层级"), (ImportColumn.Title, "标题"),
        (ImportColumn.Body, "内容"), (ImportColumn.Problem, "问题"), (ImportColumn.Requests, "具体建议"),
        (ImportColumn.Submitter, "领衔人"), (ImportColumn.CoSigners, "附议人"),
    ];
    private static readonly ImportColumn[] Required = [ImportColumn.Kind, ImportColumn.Title, ImportColumn.Body, ImportColumn.Submitter];

    private static readonly Dictionary<string, ImportColumn> Headers = Columns
        .SelectMany(c => new[] { (Name: c.Chinese, c.Column), (Name: FieldOf(c.Column), c.Column) })
        .ToDictionary(c => c.Name, c => c.Column, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, ItemKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["建议"] = ItemKind.Suggestion, ["提案"] = ItemKind.Proposal, ["督办直通车"] = ItemKind.Express,
        ["Suggestion"] = ItemKind.Suggestion, ["Proposal"] = ItemKind.Proposal, ["Express"] = ItemKind.Express,
    };

    private static readonly Dictionary<string, ItemLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["市级"] = ItemLevel.City, ["区级"] = ItemLevel.District, ["City"] = ItemLevel.City, ["District"] = ItemLevel.District,
    };

    private static readonly char[] NameSeparators = ['、', '，', ',', ';', '；'];

    public List<ImportRow> Rows { get; } = [];
    public List<ImportError> Errors { get; } = [];
    public List<ImportedItem> New { get; } = [];

    public static async Task<ImportPlan> MakeAsync(AppDbContext db, Session session, ItemNumbers numbers, ImportFile file, DateTime now)
    {
        var plan = new ImportPlan();
        if (file.Lines.FirstOrDefault(l => !l.IsEmpty) is not { } header)
        {
            plan.Errors.Add(ErrorAt(1, "file", "import_file_empty",
                $"The file is empty: put the column names on line 1 ({KnownColumns}) and one item per line below them."));
            return plan;
        }
        var columns = plan.ReadHeader(header);
        var rows = file.Lines.Where(l => l.Line > header.Line && !l.IsEmpty).ToArray();
        if (plan.Errors.Count > 0)
            return plan;
        if (rows.Length == 0)
        {
            plan.Errors.Add(ErrorAt(header.Line, "file", "import_no_items", "The file has column names but no items: add one item per line below them."));
            return plan;
        }

        var deputies = (await db.Deputies.Where(d => d.IsActive).Select(d => new Signer(d.Id, d.Name, d.Body)).ToListAsync())
            .ToLookup(d => d.Name.Trim());
        var existing = await db.Items.Where(i => i.SessionId == session.Id && (i.ImportKey != null || i.Number != null))
            .Select(i => new { i.ImportKey, i.Number, i.Title }).ToListAsync();
        var context = new RowContext(columns, numbers, deputies,
            existing.Where(i => i.ImportKey != null).ToDictionary(i => i.ImportKey!, i => i.Number),
            existing.Where(i => i.Number != null).ToDictionary(i => i.Number!, i => i.Title),
            new Dictionary<string, int>(), session, now);
        foreach (var row in rows)
            plan.Check(row, context);
        return plan;
    }

    private Dictionary<ImportColumn, (int Index, string Label)> ReadHeader(ImportLine header)
    {
        var columns = new Dictionary<ImportColumn, (int Index, string Label)>();
        for (var i = 0; i < header.Cells.Length; i++)
        {
            var name = header.Cells[i]?.Trim().Trim('\uFEFF', '\u200B');
            if (string.IsNullOrEmpty(name))
                continue;
            if (!Headers.TryGetValue(name, out var column))
                Errors.Add(ErrorAt(header.Line, "header", "import_column_unknown",
                    $"Unknown column '{name}': rename it to one of {KnownColumns}, or remove it.", ("name", name)));
            else if (columns.ContainsKey(column))
                Errors.Add(ErrorAt(header.Line, "header", "import_column_twice", $"The column '{name}' appears twice: keep one of them.", ("name", name)));
            else
                columns[column] = (i, name);
        }
        foreach (var missing in Required.Where(c => !columns.ContainsKey(c)))
            Errors.Add(ErrorAt(header.Line, FieldOf(missing), "import_column_missing",
                $"The column {ChineseOf(missing)} ({FieldOf(missing)}) is missing: add it to line {header.Line}, the column names.",
                ("column", ChineseOf(missing))));
        return columns;
    }

    private sealed record Signer(int Id, string Name, DeputyBody Body);

    private sealed record RowContext(
        Dictionary<ImportColumn, (int Index, string Label)> Columns, ItemNumbers Numbers, ILookup<string, Signer> Deputies,
        Dictionary<string, string?> NumberByKey, Dictionary<string, string> TitleByNumber, Dictionary<string, int> LineByKey,
        Session Session, DateTime Now);

    /// <summary>What one row says, read and checked field by field.</summary>
    private sealed record RowFields(
        ItemKind Kind, ItemLevel Level, string Title, string Body, string? Problem, string? Requests, string Submitter,
        string[] CoSigners, string? Number, int? GivenSequence);

    private void Check(ImportLine row, RowContext context)
    {
        var errors = Errors.Count;
        var reader = new RowReader(row, context, Errors);
        if (reader.Fields() is not { } fields)
            return;

        var key = fields.Number ?? HashKey(fields.Kind, fields.Title, fields.Submitter);
        if (context.LineByKey.TryGetValue(key, out var sameAs))
        {
            var byNumber = fields.Number is not null;
            reader.Error(byNumber ? ImportColumn.Number : ImportColumn.Title, byNumber ? "import_number_repeated" : "import_item_repeated",
                $"repeats line {sameAs} (the same {(byNumber ? "number" : "kind, title and 领衔人")}): keep one of the two lines.", ("otherLine", sameAs));
            return;
        }
        context.LineByKey[key] = row.Line;
        // Imported before (or registered by hand under this number): skipped, whatever has changed in the records since.
        if (context.NumberByKey.TryGetValue(key, out var existingNumber))
        {
            Rows.Add(RowOf(row, fields, existingNumber, "existing"));
            return;
        }
        if (fields.Number is { } number && context.TitleByNumber.TryGetValue(number, out var otherTitle))
        {
            reader.Error(ImportColumn.Number, "import_number_taken",
                $"'{number}' is already the number of '{otherTitle}' in this session: correct it, or leave it empty to have a new one given.",
                ("number", number), ("title", otherTitle));
            return;
        }

        var submitter = reader.Resolve(ImportColumn.Submitter, fields.Submitter, BodyFor(fields.Kind), fields.Kind);
        var coSigners = new List<Signer>();
        foreach (var name in fields.CoSigners)
        {
            if (name == fields.Submitter)
                reader.Error(ImportColumn.CoSigners, "import_cosigner_is_submitter",
                    $"'{name}' is also the 领衔人: remove the name from {reader.Label(ImportColumn.CoSigners)}.", ("name", name));
            else if (reader.Resolve(ImportColumn.CoSigners, name, submitter?.Body ?? BodyFor(fields.Kind), fields.Kind) is { } coSigner)
                coSigners.Add(coSigner);
        }
        if (Errors.Count > errors)
            return;

        Rows.Add(RowOf(row, fields, fields.Number, "new"));
        New.Add(new ImportedItem(new Item
        {
            SessionId = context.Session.Id, Kind = fields.Kind, Level = fields.Level, State = ItemState.Submitted,
            Title = fields.Title, Body = fields.Body, Problem = fields.Problem, Requests = fields.Requests, ImportKey = key,
            CreatedAtUtc = context.Now, SubmittedAtUtc = context.Now,
            // Registered from the office's papers: the signatures are in hand.
            Signers =
            [
                new ItemSigner { DeputyId = submitter!.Id, Role = SignerRole.Submitter, ConfirmedAtUtc = context.Now },
                .. coSigners.Select(s => new ItemSigner { DeputyId = s.Id, Role = SignerRole.CoSigner, ConfirmedAtUtc = context.Now }),
            ],
        }, fields.GivenSequence));
    }

    private static ImportRow RowOf(ImportLine row, RowFields fields, string? number, string status) =>
        new(row.Line, number, fields.Kind, fields.Level, fields.Title, fields.Submitter, fields.CoSigners, status);

    /// <summary>Reads the cells of one row by column, recording each problem with the row's line and the column's name in this file.</summary>
    private sealed class RowReader(ImportLine row, RowContext context, List<ImportError> errors)
    {
        private string? Cell(ImportColumn column) =>
            context.Columns.TryGetValue(column, out var c) && c.Index < row.Cells.Length && row.Cells[c.Index]?.Trim() is { Length: > 0 } value
                ? value : null;

        public string Label(ImportColumn column) => context.Columns.TryGetValue(column, out var c) ? c.Label : ChineseOf(column);

        /// <summary>Records a problem of this row's cell in <paramref name="column"/>: its <paramref name="args"/> and the column as this file names it.</summary>
        public void Error(ImportColumn column, string code, string message, params (string Name, object Value)[] args) =>
            errors.Add(ErrorAt(row.Line, FieldOf(column), code, $"{Label(column)} {message}", [("column", Label(column)), .. args]));

        /// <summary>The row's fields, or null when any of them is wrong (each problem recorded).</summary>
        public RowFields? Fields()
        {
            var before = errors.Count;
            ItemKind? kind = null;
            if (Cell(ImportColumn.Kind) is not { } kindText)
                Error(ImportColumn.Kind, "import_kind_empty", "is empty: write 建议, 提案 or 督办直通车 (Suggestion, Proposal or Express).");
            else if (Kinds.TryGetValue(kindText, out var k))
                kind = k;
            else
                Error(ImportColumn.Kind, "import_kind_unknown",
                    $"'{kindText}' is not a kind of item: write 建议, 提案 or 督办直通车 (Suggestion, Proposal or Express).", ("text", kindText));

            var level = ItemLevel.City;
            if (Cell(ImportColumn.Level) is { } levelText && !Levels.TryGetValue(levelText, out level))
                Error(ImportColumn.Level, "import_level_unknown",
                    $"'{levelText}' is not a level: write 市级 or 区级 (City or District), or leave it empty for 市级.", ("text", levelText));

            var title = Text(ImportColumn.Title, 1, 200);
            var body = Text(ImportColumn.Body, 10, 20_000);
            var problem = Text(ImportColumn.Problem, 0, 10_000);
            var requests = Text(ImportColumn.Requests, 0, 10_000);
            var submitter = Cell(ImportColumn.Submitter);
            if (submitter is null)
                Error(ImportColumn.Submitter, "import_submitter_empty", "is empty: write the name of the deputy (or member) who submitted the item.");

            string? number = null;
            int? sequence = null;
            if (Cell(ImportColumn.Number) is { } numberText && kind is { } numberKind)
            {
                number = numberText.ToUpperInvariant();
                sequence = context.Numbers.SequenceOf(number, numberKind);
                if (sequence is null)
                {
                    var example = Item.FormatNumber(context.Numbers.Year, numberKind, 1);
                    Error(ImportColumn.Number, "import_number_invalid",
                        $"'{numberText}' is not a number of the {context.Numbers.Year} session for {ChineseOf(numberKind)}: " +
                        $"write it like {example} (S suggestion, P proposal, E express), or leave it empty to have one given.",
                        ("text", numberText), ("year", context.Numbers.Year), ("kind", numberKind), ("example", example));
                }
            }
            var coSigners = Cell(ImportColumn.CoSigners) is { } names
                ? names.Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToArray()
                : [];
            return errors.Count > before || kind is not { } itemKind ? null
                : new RowFields(itemKind, level, title!, body!, problem, requests, submitter!, coSigners, number, sequence);
        }

        private string? Text(ImportColumn column, int min, int max)
        {
            var value = Cell(column);
            if (value is null && min > 0)
                Error(column, "import_empty", "is empty: fill it in.");
            else if (value is not null && value.Length < min)
                Error(column, "import_too_short", $"is too short: write at least {min} characters.", ("min", min));
            else if (value is not null && value.Length > max)
                Error(column, "import_too_long", $"is {value.Length:N0} characters long: shorten it to {max:N0} at most.", ("length", value.Length), ("max", max));
            return value;
        }

        /// <summary>The one active deputy of this name (and of this body, when the kind of item says which), or null with the reason recorded.</summary>
        public Signer? Resolve(ImportColumn column, string name, DeputyBody? body, ItemKind kind)
        {
            var all = context.Deputies[name].ToArray();
            var fitting = all.Where(d => body is null || d.Body == body).ToArray();
            if (fitting.Length == 1)
                return fitting[0];
            if (fitting.Length > 1)
                Error(column, "import_deputy_ambiguous",
                    $"'{name}' matches {fitting.Length} deputy records: register this item by hand and choose the deputy, or ask the administrator to tell the records apart.",
                    ("name", name), ("count", fitting.Length));
            else if (all.Length == 0)
                Error(column, "import_deputy_unknown", $"'{name}' matches no deputy record: check the name or ask the administrator to add the deputy.", ("name", name));
            else if (column == ImportColumn.Submitter)
                Error(column, "import_submitter_other_body",
                    $"'{name}' is {NameOf(all[0].Body)}, but a {ChineseOf(kind)} comes from {NameOf(body!.Value)}: check the name and the 类别.",
                    ("name", name), ("body", all[0].Body), ("kind", kind), ("expectedBody", body!.Value));
            else
                Error(column, "import_cosigner_other_body",
                    $"'{name}' is {NameOf(all[0].Body)} and cannot co-sign an item of {NameOf(body!.Value)}: check the name.",
                    ("name", name), ("body", all[0].Body), ("expectedBody", body!.Value));
            return null;
        }
    }

    /// <summary>Suggestions come from people's congress deputies, proposals from CPPCC members, express items from either.</summary>
    private static DeputyBody? BodyFor(ItemKind kind) => kind switch
    {
        ItemKind.Suggestion => DeputyBody.PeoplesCongress,
        ItemKind.Proposal => DeputyBody.Cppcc,
        _ => null,
    };

    private static string NameOf(DeputyBody body) => body == DeputyBody.Cppcc ? "a CPPCC member" : "a people's congress deputy";

    /// <summary>An unnumbered row is the same item again when its kind, title and submitter are the same.</summary>
    private static string HashKey(ItemKind kind, string title, string submitter) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{title}\n{submitter}")));

    /// <summary>A problem at this line and field, with its code and the values a translation of it needs (enums by name).</summary>
    private static ImportError ErrorAt(int line, string field, string code, string message, params (string Name, object Value)[] args) =>
        new(line, field, message, code, args.ToDictionary(a => a.Name, a => Convert.ToString(a.Value, CultureInfo.InvariantCulture)!));

    private static string FieldOf(ImportColumn column) => JsonNamingPolicy.CamelCase.ConvertName(column.ToString());

    private static string ChineseOf(ImportColumn column) => Columns.Single(c => c.Column == column).Chinese;

    private static string ChineseOf(ItemKind kind) => Kinds.First(k => k.Value == kind).Key;

    private static readonly string KnownColumns = string.Join(", ", Columns.Select(c => c.Chinese));
}
