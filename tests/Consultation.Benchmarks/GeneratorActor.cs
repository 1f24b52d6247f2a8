using Consultation.Audit;

namespace Consultation.Benchmarks;

/// <summary>Who the audit trail names for rows the benchmark generators write.</summary>
public sealed class GeneratorActor : IAuditActor
{
    public int? UserId => null;
    public string Name => "benchmark generator";
}
