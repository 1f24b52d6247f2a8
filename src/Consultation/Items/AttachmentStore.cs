using System.Security.Cryptography;
using Consultation.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consultation.Items;

/// <summary>A file as written to the store: the key it is stored under, its size and its SHA-256.</summary>
public sealed record StoredFile(string Key, long Size, string Sha256);

/// <summary>The kinds of file accepted as attachments, recognised by their first bytes.</summary>
public sealed record AttachmentType(string ContentType, string[] Extensions)
{
    public static readonly AttachmentType Pdf = new("application/pdf", [".pdf"]);
    public static readonly AttachmentType Png = new("image/png", [".png"]);
    public static readonly AttachmentType Jpeg = new("image/jpeg", [".jpg", ".jpeg"]);

    public const string Accepted = "PDF, PNG and JPEG";
    public const int HeadLength = 8;

    /// <summary>What the content is, whatever its name or declared type says; null for anything else.</summary>
    public static AttachmentType? Of(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? Pdf
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? Png
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg
        : null;

    /// <summary>The uploaded name with an extension that matches the content, so that the download opens with the right program.</summary>
    public string NameFor(string? uploaded)
    {
        var name = UploadForm.DisplayName(uploaded, "附件" + Extensions[0]);
        var extension = Path.GetExtension(name);
        if (Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            return name;
        // "报告.docx" that is really a PDF becomes "报告.pdf"; "王五的建议" becomes "王五的建议.pdf".
        var looksLikeExtension = extension.Length is > 1 and <= 6 && extension[1..].All(char.IsAsciiLetterOrDigit);
        return (looksLikeExtension ? name[..^extension.Length] : name) + Extensions[0];
    }
}

/// <summary>
/// Attachment files, one per attachment, named by a random key in a folder outside the web root
/// (<c>Attachments:Folder</c>); the database holds their names, types, sizes and hashes.
/// </summary>
public sealed class AttachmentStore(string folder, long maxBytes)
{
    public const string DefaultFolder = "App_Data/attachments";
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    public string Folder => folder;
    public long MaxBytes => maxBytes;

    public string PathOf(string key) => Path.Combine(folder, key);

    public async Task<StoredFile> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using var file = new FileStream(PathOf(key), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }
        }
        catch
        {
            Discard(key);
            throw;
        }
        return new StoredFile(key, size, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>Removes a file whose row was never saved; saved attachments are never deleted.</summary>
    public void Discard(string key)
    {
        try { File.Delete(PathOf(key)); } catch (IOException) { }
    }
}

public static class AttachmentSetup
{
    public static IHostApplicationBuilder AddAttachments(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Attachments");
        var contentRoot = builder.Environment.ContentRootPath;
        var folder = Path.GetFullPath(Path.Combine(contentRoot, settings["Folder"] is { Length: > 0 } f ? f : AttachmentStore.DefaultFolder));
        var webRoot = Path.GetFullPath(builder.Environment is IWebHostEnvironment { WebRootPath: { Length: > 0 } root } ? root : Path.Combine(contentRoot, "wwwroot"));
        if (Inside(folder, webRoot))
            throw new StartupSettingException(
                $"Attachments:Folder is '{folder}', inside the web root '{webRoot}' where anyone could download the files: choose a folder outside it, such as {AttachmentStore.DefaultFolder}.");
        var maxBytes = AttachmentStore.DefaultMaxBytes;
        if (settings["MaxBytes"] is { Length: > 0 } max && (!long.TryParse(max, out maxBytes) || maxBytes <= 0))
            throw new StartupSettingException($"Attachments:MaxBytes is '{max}': set it to the largest file accepted, in bytes (default {AttachmentStore.DefaultMaxBytes}).");
        builder.Services.AddSingleton(new AttachmentStore(folder, maxBytes));
        return builder;
    }

    private static bool Inside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
