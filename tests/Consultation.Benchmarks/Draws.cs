using System.Diagnostics;

namespace Consultation.Benchmarks;

/// <summary>The random choices of the data generators: a chance in percent, a weighted pick, a time not after now.</summary>
internal static class Draws
{
    public static bool Chance(this Random random, int percent) => random.Next(100) < percent;

    public static T Pick<T>(this Random random, params (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
                return value;
            roll -= weight;
        }
        throw new UnreachableException();
    }

    /// <summary>The time given, or an hour ago when it would be in the future.</summary>
    public static DateTime Before(DateTime at, DateTime now) => at < now ? at : now.AddHours(-1);
}
