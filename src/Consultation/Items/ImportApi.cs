using Consultation.Accounts;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Consultation.Items;

/// <param name="Status">"new" (would be created) or "existing" (imported before: skipped).</param>
public sealed record ImportRow(
    int Line, string? Number, ItemKind Kind, ItemLevel Level, string Title, string Submitter, string[] CoSigners, string Status);

/// <summary>One problem of an import file, at its line and field.</summary>
/// <param name="Message">What to fix, in English (for API users and logs).</param>
/// <param name="Code">Which problem, so that the web app says it in the reader's language with the <paramref name="Args"/>:
/// the column as the file names it, the text found, the limit, the other line, ...</param>
public sealed record ImportError(int Line, string Field, string Message, string Code, IReadOnlyDictionary<string, string> Args);

public sealed record ImportPreview(string FileName, ImportRow[] Rows, ImportError[] Errors, int NewCount, int ExistingCount);

public sealed record ImportResult(int Created, int Skipped);

/// <summary>The office registers a session's items from a spreadsheet: a preview first, then all rows or none.</summary>
public static class ImportApi
{
    public static void MapImport(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/office/import").WithTags("Office").RequireAuthorization(Roles.Office);
        group.MapPost("/preview", Preview);
        group.MapPost("/", Import);
    }

    private static async Task<Results<Ok<ImportPreview>, ProblemHttpResult>> Preview(HttpRequest request, ItemDesk desk, CancellationToken cancellationToken)
    {
        var (read, problem) = await ReadAsync(request, desk, cancellationToken);
        if (read is null)
            return problem!;
        var plan = read.Plan;
        return TypedResults.Ok(new ImportPreview(read.FileName, plan.Rows.ToArray(), plan.Errors.ToArray(),
            plan.Rows.Count(r => r.Status == "new"), plan.Rows.Count(r => r.Status == "existing")));
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> Import(HttpRequest request, ItemDesk desk, CancellationToken cancellationToken)
    {
        var (read, problem) = await ReadAsync(request, desk, cancellationToken);
        if (read is null)
            return problem!;
        var plan = read.Plan;
        if (plan.Errors.Count > 0)
            return Problems.Of(StatusCodes.Status400BadRequest, "import_invalid",
                $"The file has {plan.Errors.Count} problem(s), listed by line: fix them and import the file again. Nothing was imported.",
                new Dictionary<string, object?> { ["errors"] = plan.Errors.ToArray() });

        // Paper numbers first, so that the numbers given to the other rows come after all of them.
        foreach (var (item, given) in plan.New.OrderBy(n => n.GivenSequence is null))
            read.Numbers.Register(item, desk.Now, given);
        desk.Db.Items.AddRange(plan.New.Select(n => n.Item));
        try
        {
            // One save, one transaction: every row or none.
            await desk.SaveAsync();
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("import_conflict",
                "Items were registered in this session while the file was imported, so the numbers clashed. Import the file again: rows already imported are skipped.");
        }
        return TypedResults.Ok(new ImportResult(plan.New.Count, plan.Rows.Count - plan.New.Count));
    }

    private sealed record ReadImport(string FileName, ImportPlan Plan, ItemNumbers Numbers);

    private static async Task<(ReadImport? Read, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, ItemDesk desk, CancellationToken cancellationToken)
    {
        var (form, unreadable) = await UploadForm.ReadAsync(request, ImportFile.MaxBytes,
            "split the items into several files and import each of them.", cancellationToken);
        if (form is null)
            return (null, unreadable);
        if (form.Files.GetFile("file") is not { Length: > 0 } upload)
            return (null, UploadForm.Invalid("file", $"Choose the file to import: {ImportFile.Accepted}."));
        if (upload.Length > ImportFile.MaxBytes)
            return (null, UploadForm.TooLarge(ImportFile.MaxBytes, "split the items into several files and import each of them."));

        int? sessionId = null;
        if (form["sessionId"].ToString() is { Length: > 0 } sessionText)
        {
            if (!int.TryParse(sessionText, out var parsed))
                return (null, UploadForm.Invalid("sessionId", "Choose the session by its id, or leave it out for the current session."));
            sessionId = parsed;
        }
        var session = await desk.Db.Sessions.Where(s => sessionId == null ? s.IsCurrent : s.Id == sessionId)
            .OrderByDescending(s => s.Year).FirstOrDefaultAsync(cancellationToken);
        if (session is null)
            return (null, UploadForm.Invalid("sessionId", "Choose an existing session (or mark one as current)."));

        var fileName = UploadForm.DisplayName(upload.FileName, "import");
        using var content = new MemoryStream();
        await upload.CopyToAsync(content, cancellationToken);
        var (file, notImportable) = ImportFile.Read(fileName, content.ToArray());
        if (file is null)
            return (null, Problems.BadRequest("import_file_type", notImportable!));

        var numbers = await ItemNumbers.ForSessionAsync(desk.Db, session);
        var plan = await ImportPlan.MakeAsync(desk.Db, session, numbers, file, desk.Now);
        return (new ReadImport(fileName, plan, numbers), null);
    }
}
