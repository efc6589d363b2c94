using Events.Api.Security;

namespace Events.Tests.Tickets;

/// <summary>The code behind each QR: random, long enough, typeable, unique.</summary>
public sealed class TicketCodeTests
{
    [Fact]
    public void TicketCodesCarryAtLeast128BitsFromAnUnambiguousAlphabet()
    {
        Assert.Equal(32, SecretCode.Alphabet.Distinct().Count());
        Assert.True(SecretCode.Length * Math.Log2(SecretCode.Alphabet.Length) >= 128);
        foreach (var confusable in "01OI") Assert.DoesNotContain(confusable, SecretCode.Alphabet);
        var code = SecretCode.New();
        Assert.Equal(SecretCode.Length, code.Length);
        Assert.All(code, c => Assert.Contains(c, SecretCode.Alphabet));
    }

    [Fact]
    public void TenThousandCodesAreAllDifferentAndUseEveryLetterEvenly()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => SecretCode.New()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        // 280,000 letters over 32 symbols: each near 8,750. A biased generator (e.g. modulo of a non-power of two) drifts far off.
        var counts = codes.SelectMany(c => c).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(32, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, 8_100, 9_400));
    }

    [Fact]
    public void AGroupedCodeIsReadAloudInFoursAndTypedBackInAnyCase()
    {
        var code = SecretCode.New();
        var grouped = SecretCode.Grouped(code);
        Assert.Equal(7, grouped.Split('-').Length);
        Assert.All(grouped.Split('-'), g => Assert.Equal(4, g.Length));
        Assert.Equal(code, SecretCode.Normalise(grouped.ToLowerInvariant().Replace('-', ' ')));
    }
}
