namespace Consultation.Benchmarks;

/// <summary>Elapsed times of one measured thing, in milliseconds.</summary>
public sealed class Timings
{
    private readonly List<double> samples = [];

    public void Add(TimeSpan elapsed) => samples.Add(elapsed.TotalMilliseconds);

    public void Add(double milliseconds) => samples.Add(milliseconds);

    public int Count => samples.Count;

    public double P50 => Percentile(50);

    public double P95 => Percentile(95);

    public double Max => samples.Count == 0 ? double.NaN : samples.Max();

    /// <summary>Nearest-rank percentile: the smallest sample with at least p % of the samples at or below it.</summary>
    public double Percentile(double p)
    {
        if (samples.Count == 0)
            return double.NaN;
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
