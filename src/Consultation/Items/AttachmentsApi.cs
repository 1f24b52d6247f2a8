using System.Linq.Expressions;
using Consultation.Accounts;
using Consultation.Data;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Consultation.Items;

/// <summary>
/// "May this user see this file?": whoever may see the item sees its own material and the answer files that were
/// sent; a unit's answer files that are not sent yet are seen by that unit and the office only.
/// </summary>
public static class AttachmentAccess
{
    public static IQueryable<Attachment> VisibleTo(this IQueryable<Attachment> attachments, AppDbContext db, CurrentUser me)
    {
        var office = me.IsInRole(Roles.Office);
        var unit = me.IsInRole(Roles.Handler) ? me.UnitId ?? -1 : -1;
        var items = db.Items.VisibleTo(me);
        return attachments.Where(a => items.Any(i => i.Id == a.ItemId)
                                      && (a.Purpose == AttachmentPurpose.Item || a.ResponseId != null || office || a.UnitId == unit));
    }

    public static readonly Expression<Func<Attachment, AttachmentDto>> ToDto =
        a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Purpose, a.ResponseId, a.UploadedAtUtc);
}

/// <summary>Files with an item: the author's material on a draft, a unit's material with its answer; downloads.</summary>
public static class AttachmentsApi
{
    private static readonly Func<Attachment, AttachmentDto> Dto = AttachmentAccess.ToDto.Compile();

    public static void MapAttachments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Attachments").RequireAuthorization();
        group.MapPost("/items/{id:int}/attachments", Upload);
        group.MapGet("/attachments/{id:int}", Download);
    }

    private static async Task<Results<Created<AttachmentDto>, ProblemHttpResult>> Upload(
        int id, HttpRequest request, ItemDesk desk, AttachmentStore store, CancellationToken cancellationToken)
    {
        if (await desk.LoadAsync(id) is not { } work)
            return Problems.NotFound("The item");
        var (form, unreadable) = await UploadForm.ReadAsync(request, store.MaxBytes,
            "make it smaller (scan at a lower resolution, or split the document) and upload it again.", cancellationToken);
        if (form is null)
            return unreadable!;
        if (!Enum.TryParse<AttachmentPurpose>(form["purpose"].ToString(), ignoreCase: true, out var purpose) || !Enum.IsDefined(purpose))
            return UploadForm.Invalid("purpose", "Say what the file belongs to: purpose=item for the item's own material, purpose=answer for your unit's answer.");
        var rule = purpose == AttachmentPurpose.Item ? work.Rules.EditDraft() : AttachToAnswer(work);
        if (rule is not null)
            return rule.ToProblem();
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
            return UploadForm.Invalid("file", "Choose a PDF, PNG or JPEG file to upload.");
        if (file.Length > store.MaxBytes)
            return UploadForm.TooLarge(store.MaxBytes, "make it smaller and upload it again.");

        await using var content = file.OpenReadStream();
        var head = new byte[AttachmentType.HeadLength];
        var type = AttachmentType.Of(head.AsSpan(0, await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken)));
        if (type is null)
            return Problems.BadRequest("file_type_not_accepted",
                $"Only {AttachmentType.Accepted} files are accepted, recognised by their content rather than their name: save the document as PDF (or the picture as PNG or JPEG) and upload it again.");
        await using var whole = file.OpenReadStream();
        var stored = await store.SaveAsync(whole, cancellationToken);

        var attachment = new Attachment
        {
            ItemId = id, Purpose = purpose, UnitId = purpose == AttachmentPurpose.Answer ? work.Rules.Mine!.UnitId : null,
            FileName = type.NameFor(file.FileName), ContentType = type.ContentType, Size = stored.Size,
            StorageKey = stored.Key, Sha256 = stored.Sha256, UploadedById = desk.Me.Id, UploadedAtUtc = desk.Now,
        };
        desk.Db.Attachments.Add(attachment);
        try
        {
            await desk.SaveAsync();
        }
        catch
        {
            store.Discard(stored.Key);
            throw;
        }
        return TypedResults.Created($"/api/attachments/{attachment.Id}", Dto(attachment));
    }

    /// <summary>A unit adds material to the answer it is preparing: the lead or a separate unit, while an answer is due.</summary>
    private static Refusal? AttachToAnswer(ItemWork work) =>
        work.Rules.Mine is not { Role: not AssignmentRole.Co }
            ? Refusal.Who("answering_unit_only", "Only the lead unit (or a separate unit, for its part) attaches files to an answer; a co-handling unit sends its opinion instead.")
        : work.Item.State is ItemState.InHandling or ItemState.ReHandling || work.Item is { State: ItemState.Closed, UnderTracking: true } ? null
        : Refusal.When("not_waiting_for_answer", "Files are attached to an answer while the item waits for one: sign for the item first, or ask the office if it is closed.");

    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> Download(
        int id, ItemDesk desk, AttachmentStore store, HttpResponse response, ILogger<AttachmentStore> log)
    {
        // Not found and not allowed look the same: nobody learns that a file exists from its id.
        var attachment = await desk.Db.Attachments.VisibleTo(desk.Db, desk.Me).Where(a => a.Id == id)
            .Select(a => new { a.FileName, a.ContentType, a.StorageKey }).SingleOrDefaultAsync();
        if (attachment is null)
            return Problems.NotFound("The attachment");
        var path = store.PathOf(attachment.StorageKey);
        if (!File.Exists(path))
        {
            log.LogError("Attachment {Id} is missing from {Path}", id, path);
            return Problems.Of(StatusCodes.Status404NotFound, "file_missing",
                "The file of this attachment is missing from the server's storage: ask the administrator to restore it from the backup.");
        }
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.PhysicalFile(path, attachment.ContentType, attachment.FileName);
    }
}
