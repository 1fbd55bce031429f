using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Policy;
using VietUsTrade.Sim.Projection;
using Xunit;
using static VietUsTrade.Sim.Tests.Projection.ProjectionFixture;

namespace VietUsTrade.Sim.Tests.Projection;

/// <summary>
/// The precomputed projection preparation embedded in the core assembly (ProjectionModel.Precomputed.cs, issue 17 item 2)
/// must equal a fresh computation bit for bit. When one of these fails after a change of the model code or the bundled
/// data, regenerate the resource and rebuild:
/// <c>dotnet build VietUsTrade.Sim.sln -c Release &amp;&amp; dotnet run --project tools/VietUsTrade.Sim.DataBuild -c Release -- prepared</c>
/// (bump ProjectionModel.PrecomputedAlgorithmVersion when the tabulation algorithm changed).
/// </summary>
public class PrecomputedPreparationTests
{
    private const string Regenerate =
        "The embedded projection preparation (src/VietUsTrade.Sim/Data/Resources/projection-prepared.bin.gz) is stale: regenerate it with " +
        "`dotnet run --project tools/VietUsTrade.Sim.DataBuild -c Release -- prepared`, then rebuild (and bump ProjectionModel.PrecomputedAlgorithmVersion if the algorithm changed).";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int> SpecIndices { get; } = [.. Enumerable.Range(0, ProjectionModel.PrecomputedSpecs.Count)];

    [Fact]
    public void Embedded_entries_are_exactly_those_of_the_specs()
    {
        var library = PolicyLibrary.LoadEmbedded();
        var expected = ProjectionModel.PrecomputedSpecs
            .Select(s => Convert.ToHexStringLower(ProjectionModel.PrecomputedSpecKey(Dataset, library, s.Preset, s.Options).Key))
            .Order(StringComparer.Ordinal).ToArray();
        var embedded = ProjectionModel.PrecomputedEntriesForTests.Keys.Order(StringComparer.Ordinal).ToArray();
        Assert.True(expected.SequenceEqual(embedded), $"{Regenerate} Keys expected: {string.Join(", ", expected.Select(k => k[..12]))}; embedded: {string.Join(", ", embedded.Select(k => k[..12]))}.");
    }

    /// <summary>Every embedded entry (all presets with the default options, and the backtest window) recomputed fresh: ≈ 1 s each.</summary>
    [Theory]
    [MemberData(nameof(SpecIndices))]
    public void Every_embedded_entry_equals_a_fresh_computation_bit_for_bit(int spec)
    {
        var (preset, options) = ProjectionModel.PrecomputedSpecs[spec];
        var (key, fresh) = ProjectionModel.ComputePrecomputedEntry(Dataset, PolicyLibrary.LoadEmbedded(), preset, options);
        Assert.True(ProjectionModel.PrecomputedEntriesForTests.TryGetValue(Convert.ToHexStringLower(key), out var embedded), $"{preset}: no embedded entry for its key. {Regenerate}");
        Assert.True(fresh.AsSpan().SequenceEqual(embedded), $"{preset} (horizon {options.HorizonMonth:yyyy-MM}): the embedded tables differ from a fresh computation. {Regenerate}");
    }

    [Fact]
    public void Any_other_input_has_another_key()
    {
        var library = PolicyLibrary.LoadEmbedded();
        var scenario = Presets.Get("reciprocal-20");
        var first = new DateOnly(2025, 1, 1);
        var entries = ProjectionModel.PrecomputedEntriesForTests;
        string Key(Scenario s, ProjectionOptions o, DateOnly f, int m) => Convert.ToHexStringLower(ProjectionModel.PrecomputedKey(Dataset, s, o, library, f, m)!);
        Assert.Contains(Key(scenario, ProjectionOptions.Default, first, 72), entries.Keys);
        Assert.DoesNotContain(Key(scenario, ProjectionOptions.Default with { GridNodes = 27 }, first, 72), entries.Keys);
        Assert.DoesNotContain(Key(scenario, ProjectionOptions.Default with { TransshipmentNodes = 7 }, first, 72), entries.Keys);
        Assert.DoesNotContain(Key(scenario, ProjectionOptions.Default with { Sigma = VietUsTrade.Sim.Models.PartialEquilibrium.SigmaSet.Hauk2012 }, first, 72), entries.Keys);
        Assert.DoesNotContain(Key(scenario, ProjectionOptions.Default, first, 71), entries.Keys);
        Assert.DoesNotContain(Key(scenario, ProjectionOptions.Default, first.AddMonths(-1), 73), entries.Keys);
        Assert.DoesNotContain(Key(Presets.WithConditionalExemptionShares(scenario, 0.5, 0.5), ProjectionOptions.Default, first, 72), entries.Keys);
        var shifted = new Scenario(scenario.Name, scenario.Description, scenario.Sources, scenario.Measures.Select(m => m.WithDates(m.From.AddDays(1), m.Until)).ToArray(),
            scenario.Commitments, scenario.Concessions, scenario.Assumptions);
        Assert.DoesNotContain(Key(shifted, ProjectionOptions.Default, first, 72), entries.Keys);

        // A dataset or library not read from the embedded resources never has a key (its content is not hashed).
        var copy = BaselineDataset.Read(new MemoryStream(Compress(DatasetSerializer.Serialize(Dataset))));
        Assert.Null(ProjectionModel.PrecomputedKey(copy, scenario, ProjectionOptions.Default, library, first, 72));
    }

    private static byte[] Compress(byte[] payload)
    {
        using var ms = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(payload);
        }

        return ms.ToArray();
    }

    [Fact]
    public void A_model_from_the_embedded_tables_equals_one_computed()
    {
        // The same scenario under another name misses the embedded entry (the canonical JSON differs) and computes.
        var scenario = Presets.Get("reciprocal-20");
        var embedded = ProjectionModel.Create(Dataset, scenario, cancellationToken: Ct);
        var computed = ProjectionModel.Create(Dataset, new Scenario(scenario.Name + "-copy", scenario.Description, scenario.Sources, scenario.Measures, scenario.Commitments,
            scenario.Concessions, scenario.Assumptions), cancellationToken: Ct);
        var a = embedded.Deterministic().Monthly;
        var b = computed.Deterministic().Monthly;
        Assert.Equal(a.Count, b.Count);
        for (var m = 0; m < a.Count; m++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(a[m].ImportsUsd), BitConverter.DoubleToInt64Bits(b[m].ImportsUsd));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a[m].RevenueUsd), BitConverter.DoubleToInt64Bits(b[m].RevenueUsd));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a[m].Etr), BitConverter.DoubleToInt64Bits(b[m].Etr));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a[m].EtrFixedWeights), BitConverter.DoubleToInt64Bits(b[m].EtrFixedWeights));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a[m].ExportsUsd), BitConverter.DoubleToInt64Bits(b[m].ExportsUsd));
            Assert.Equal(a[m].DivertedToUsd.Select(BitConverter.DoubleToInt64Bits), b[m].DivertedToUsd.Select(BitConverter.DoubleToInt64Bits));
        }
    }
}
