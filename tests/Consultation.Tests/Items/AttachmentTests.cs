using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Consultation.Items;
using Consultation.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Items;

public sealed class AttachmentTests : IAsyncLifetime
{
    private ItemWorld _w = null!;
    private static readonly HttpMethod Post = HttpMethod.Post;

    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    internal static readonly byte[] Pdf = [.. "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8, .. RandomNumberGenerator.GetBytes(3000), .. "\n%%EOF\n"u8];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomNumberGenerator.GetBytes(500)];

    [Fact]
    public async Task A_pdf_the_author_attaches_to_a_draft_is_listed_and_downloads_byte_identical_for_the_office_the_lead_unit_and_the_co_signer()
    {
        var w = _w;
        var draft = await w.DraftAsync();

        var uploaded = await UploadAsync(w.Deputy, draft.Id, Pdf, "现场照片说明.pdf", "item");

        Assert.Equal(("现场照片说明.pdf", "application/pdf", Pdf.Length, AttachmentPurpose.Item, (int?)null),
            (uploaded.FileName, uploaded.ContentType, (int)uploaded.Size, uploaded.Purpose, uploaded.ResponseId));
        await w.Ok(w.CoSigner, Post, $"/api/items/{draft.Id}/cosign");
        await w.Ok(w.Deputy, Post, $"/api/items/{draft.Id}/submit");
        await w.Ok(w.Office, Post, $"/api/items/{draft.Id}/register");
        await w.Ok(w.Office, Post, $"/api/items/{draft.Id}/assign", new { leadUnitId = w.LeadUnitId, coUnitIds = new[] { w.CoUnitId } });

        foreach (var client in new[] { w.Office, w.Lead, w.CoSigner, w.Co })
        {
            var page = await w.Get<ItemDetail>(client, $"/api/items/{draft.Id}");
            Assert.Equal(uploaded, Assert.Single(page.Attachments));
            using var response = await client.GetAsync($"/api/attachments/{uploaded.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Contains("filename*=UTF-8''%E7%8E%B0%E5%9C%BA", response.Content.Headers.ContentDisposition?.ToString());
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }
        // Once submitted, the item's material is fixed.
        var late = await Problem.ReadAsync(await w.Deputy.PostAsync($"/api/items/{draft.Id}/attachments", Form(Pdf, "补充.pdf", "item")), HttpStatusCode.Conflict);
        Assert.Contains("no longer be edited", late.Detail);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><script>fetch('/api/account')</script></body></html>", "说明.pdf", "application/pdf")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "photo.png", "image/png")]
    [InlineData("MZ\u0090\0\u0003\0\0\0", "scan.jpg", "image/jpeg")]
    public async Task A_file_whose_content_is_not_pdf_png_or_jpeg_is_refused_whatever_its_name_says(string content, string name, string declared)
    {
        var w = _w;
        var draft = await w.DraftAsync();

        var refused = await Problem.ReadAsync(
            await w.Deputy.PostAsync($"/api/items/{draft.Id}/attachments", Form(Encoding.UTF8.GetBytes(content), name, "item", declared)), HttpStatusCode.BadRequest);

        Assert.Equal("file_type_not_accepted", refused.Code);
        Assert.Contains("PDF, PNG and JPEG", refused.Detail);
        Assert.Empty((await w.Get<ItemDetail>(w.Deputy, $"/api/items/{draft.Id}")).Attachments);
        Assert.Empty(Directory.EnumerateFiles(w.AttachmentsFolder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_the_limit_in_the_message()
    {
        var w = _w;
        var draft = await w.DraftAsync();
        byte[] big = [.. "%PDF-1.7\n"u8, .. new byte[10 * 1024 * 1024]];

        var refused = await Problem.ReadAsync(
            await w.Deputy.PostAsync($"/api/items/{draft.Id}/attachments", Form(big, "扫描件.pdf", "item")), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("file_too_large", refused.Code);
        Assert.Contains("10 MB", refused.Detail);
        Assert.Empty((await w.Get<ItemDetail>(w.Deputy, $"/api/items/{draft.Id}")).Attachments);
    }

    [Fact]
    public async Task People_who_may_not_see_the_item_neither_download_nor_upload_and_are_not_told_the_file_exists()
    {
        var w = _w;
        var draft = await w.DraftAsync();
        var uploaded = await UploadAsync(w.Deputy, draft.Id, Pdf, "材料.pdf", "item");
        await w.Ok(w.Deputy, Post, $"/api/items/{draft.Id}/submit");
        await w.Ok(w.Office, Post, $"/api/items/{draft.Id}/register");
        await w.Ok(w.Office, Post, $"/api/items/{draft.Id}/assign", new { leadUnitId = w.LeadUnitId });

        foreach (var outsider in new[] { w.OtherDeputy, w.OtherUnit, w.Admin })
        {
            var hidden = await Problem.ReadAsync(await outsider.GetAsync($"/api/attachments/{uploaded.Id}"), HttpStatusCode.NotFound);
            Assert.Equal((await Problem.ReadAsync(await outsider.GetAsync($"/api/attachments/{uploaded.Id + 1000}"), HttpStatusCode.NotFound)).Detail, hidden.Detail);
            await Problem.ReadAsync(await outsider.PostAsync($"/api/items/{draft.Id}/attachments", Form(Pdf, "x.pdf", "answer")), HttpStatusCode.NotFound);
        }
        var anonymous = w.App.Anonymous();
        await Problem.ReadAsync(await anonymous.GetAsync($"/api/attachments/{uploaded.Id}"), HttpStatusCode.Unauthorized);
        await Problem.ReadAsync(await anonymous.PostAsync($"/api/items/{draft.Id}/attachments", Form(Pdf, "x.pdf", "item")), HttpStatusCode.Unauthorized);

        Assert.Equal(1, await w.App.WithDb(db => db.Attachments.CountAsync()));
        Assert.Single(Directory.EnumerateFiles(w.AttachmentsFolder));
    }

    [Fact]
    public async Task A_unit_s_answer_attachment_stays_with_the_unit_until_it_goes_out_with_the_answer_and_then_the_deputy_sees_it()
    {
        var w = _w;
        var id = (await w.ContactedAsync()).Id;

        var coRefused = await Problem.ReadAsync(await w.Co.PostAsync($"/api/items/{id}/attachments", Form(Png, "意见.png", "answer")), HttpStatusCode.Forbidden);
        Assert.Contains("lead unit", coRefused.Detail);
        var file = await UploadAsync(w.Lead, id, Png, "办理现场.png", "answer");
        Assert.Equal((AttachmentPurpose.Answer, "image/png", (int?)null), (file.Purpose, file.ContentType, file.ResponseId));

        // Not sent yet: the unit and the office see it, the deputy and the co-handling unit do not.
        Assert.Single((await w.Get<ItemDetail>(w.Lead, $"/api/items/{id}")).Attachments);
        Assert.Single((await w.Get<ItemDetail>(w.Office, $"/api/items/{id}")).Attachments);
        Assert.Equal(HttpStatusCode.OK, (await w.Office.GetAsync($"/api/attachments/{file.Id}")).StatusCode);
        Assert.Empty((await w.Get<ItemDetail>(w.Deputy, $"/api/items/{id}")).Attachments);
        await Problem.ReadAsync(await w.Deputy.GetAsync($"/api/attachments/{file.Id}"), HttpStatusCode.NotFound);
        await Problem.ReadAsync(await w.Co.GetAsync($"/api/attachments/{file.Id}"), HttpStatusCode.NotFound);

        // Only the unit's own unsent answer files go with its answer.
        var wrong = await w.Refused(w.Lead, Post, $"/api/items/{id}/answer",
            new { category = "A", text = "已增开两条夜班线路，覆盖主要居住区。", attachmentIds = new[] { file.Id, file.Id + 1000 } }, HttpStatusCode.BadRequest);
        Assert.Contains("attachmentIds", wrong.Detail);
        Assert.Contains($"{file.Id + 1000}", wrong.Detail);
        Assert.Equal(ItemState.InHandling, (await w.Get<ItemDetail>(w.Lead, $"/api/items/{id}")).State);

        var answered = await w.Ok(w.Lead, Post, $"/api/items/{id}/answer",
            new { category = "A", text = "已增开两条夜班线路，覆盖主要居住区。", attachmentIds = new[] { file.Id } });

        var response = Assert.Single(answered.Responses);
        var seen = Assert.Single((await w.Get<ItemDetail>(w.Deputy, $"/api/items/{id}")).Attachments);
        Assert.Equal(file with { ResponseId = response.Id }, seen);
        using var download = await w.Deputy.GetAsync($"/api/attachments/{file.Id}");
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await w.Co.GetAsync($"/api/attachments/{file.Id}")).StatusCode);
        // Sent files cannot be sent again with a later answer, and the answer is over: no more answer files.
        await Problem.ReadAsync(await w.Lead.PostAsync($"/api/items/{id}/attachments", Form(Png, "补充.png", "answer")), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Files_are_stored_under_their_random_key_in_the_configured_folder_and_not_under_the_web_root()
    {
        var w = _w;
        var draft = await w.DraftAsync();
        var uploaded = await UploadAsync(w.Deputy, draft.Id, Pdf, "../../wwwroot/index.html.pdf", "item");

        var stored = await w.App.WithDb(db => db.Attachments.SingleAsync(a => a.Id == uploaded.Id));
        var path = Path.Combine(w.AttachmentsFolder, stored.StorageKey);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(path));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), stored.Sha256);
        Assert.Matches("^[0-9a-f]{32}$", stored.StorageKey);
        Assert.Equal("index.html.pdf", uploaded.FileName);
        var webRoot = w.App.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;
        Assert.False(Path.GetFullPath(path).StartsWith(Path.GetFullPath(webRoot), StringComparison.Ordinal));
        if (Directory.Exists(webRoot))
            Assert.Empty(Directory.EnumerateFiles(webRoot, stored.StorageKey, SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_attachments_folder_inside_the_web_root_stops_the_app_with_one_line_naming_the_setting()
    {
        var folder = Directory.CreateTempSubdirectory("consultation-startup-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", "http://127.0.0.1:0"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                WorkingDirectory = folder,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["ConnectionStrings__Consultation"] = $"Data Source={Path.Combine(folder, "app.db")}",
                    ["Attachments__Folder"] = "wwwroot/files",
                },
            };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(1, process.ExitCode);
            Assert.StartsWith("Consultation cannot start: Attachments:Folder is ", (await error).Trim());
            Assert.Contains("choose a folder outside it", await error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_example_settings_file_lists_the_attachment_settings_with_their_defaults()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "appsettings.example.json")))
            folder = folder.Parent!;
        using var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.FullName, "appsettings.example.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var attachments = example.RootElement.GetProperty("Attachments");

        Assert.Equal(AttachmentStore.DefaultFolder, attachments.GetProperty("Folder").GetString());
        Assert.Equal(AttachmentStore.DefaultMaxBytes, attachments.GetProperty("MaxBytes").GetInt64());
    }

    private async Task<AttachmentDto> UploadAsync(HttpClient client, int itemId, byte[] file, string name, string purpose)
    {
        var response = await client.PostAsync($"/api/items/{itemId}/attachments", Form(file, name, purpose));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {text}\n{_w.App.Errors.Last}");
        Assert.Equal(response.Headers.Location?.ToString(), $"/api/attachments/{JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32()}");
        return JsonSerializer.Deserialize<AttachmentDto>(text, ItemWorld.Json)!;
    }

    internal static MultipartFormDataContent Form(byte[] file, string name, string purpose, string declared = "application/pdf")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(declared);
        return new MultipartFormDataContent { { content, "file", name }, { new StringContent(purpose), "purpose" } };
    }
}
