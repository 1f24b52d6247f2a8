using Consultation.Audit;

namespace Consultation.Benchmarks;

/// <summary>Who the audit trail names for rows a benchmark writes through the app's EF model.</summary>
internal sealed class BenchmarkActor : IAuditActor
{
    public int? UserId => null;
    public string Name => "benchmark generator";
}
