using System.Security.Cryptography;
using System.Text;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consultation.Calls;

/// <summary>
/// A single-use link into one visit for one participant, sent in an invitation or reminder. Only the SHA-256 of
/// the token is kept: the token itself lives in the message alone.
/// </summary>
public class JoinLink
{
    public long Id { get; set; }
    public int VisitId { get; set; }
    public int ParticipantId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>When the visit's room closes, as planned when the link was made.</summary>
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? UsedAtUtc { get; set; }

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class JoinLinkConfiguration : IEntityTypeConfiguration<JoinLink>
{
    public void Configure(EntityTypeBuilder<JoinLink> e)
    {
        e.Property(l => l.TokenHash).HasMaxLength(64);
        e.HasIndex(l => l.TokenHash).IsUnique();
        e.HasOne<ReturnVisit>().WithMany().HasForeignKey(l => l.VisitId);
        e.HasOne<VisitParticipant>().WithMany().HasForeignKey(l => l.ParticipantId);
    }
}
