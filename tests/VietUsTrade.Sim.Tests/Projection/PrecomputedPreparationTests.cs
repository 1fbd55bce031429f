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
        var (key, fresh, _) = ProjectionModel.ComputePrecomputedEntry(Dataset, PolicyLibrary.LoadEmbedded(), preset, options);
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

    /// <summary>
    /// User scenarios that share tariff vectors with the presets (a changed rate in one period, another transshipment
    /// share on the same grid, a renamed preset) read those tables from the resource: the preparation equals a fresh
    /// computation bit for bit, and the tables read are exactly the vectors whose key is embedded.
    /// </summary>
    [Theory]
    [InlineData("renamed", "all")]
    [InlineData("s122-at-15", "some")]
    [InlineData("transshipment-share-10", "all")]
    [InlineData("reciprocal-25", "none")]
    public void A_user_scenario_reads_the_embedded_tables_of_the_vectors_it_shares_and_equals_a_fresh_computation(string variant, string embeddedTables)
    {
        var scenario = variant switch
        {
            "renamed" => Presets.Get("real-2025-2026").Renamed("my-real", "a user copy"),
            "s122-at-15" => WithMeasures(Presets.Get("ieepa-struck-down"), m => m.Kind == MeasureKind.Section122 ? m.WithRate(0.15) : m),
            "transshipment-share-10" => WithMeasures(Presets.Get("transshipment-enforced"), m => m.Kind == MeasureKind.Transshipment ? m.WithShare(0.10) : m),
            _ => WithMeasures(Presets.Get("reciprocal-20"), m => m.WithRate(0.25)),
        };
        var options = ProjectionOptions.Default;
        var (fresh, keys) = ProjectionModel.PrepareForTests(Dataset, scenario, options, useEmbeddedTables: false);
        var (read, readKeys) = ProjectionModel.PrepareForTests(Dataset, scenario, options, useEmbeddedTables: true);
        Assert.True(fresh.AsSpan().SequenceEqual(read), $"{variant}: the preparation with the embedded tables differs from a fresh computation. {Regenerate}");
        var embedded = ProjectionModel.PrecomputedTableKeysForTests.ToHashSet(StringComparer.Ordinal);
        var all = keys.SelectMany(k => k).Select(Convert.ToHexStringLower).ToArray();
        Assert.Equal(all, readKeys.SelectMany(k => k).Select(Convert.ToHexStringLower));
        var hits = all.Count(embedded.Contains);
        switch (embeddedTables)
        {
            case "all":
                Assert.Equal(all.Length, hits);
                break;
            case "some":
                Assert.InRange(hits, 1, all.Length - 1);
                break;
            default:
                Assert.Equal(0, hits);
                break;
        }
    }

    [Fact]
    public void Embedded_tables_are_distinct_and_each_used_by_an_entry()
    {
        var keys = ProjectionModel.PrecomputedTableKeysForTests;
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        var used = ProjectionModel.PrecomputedSpecs
            .SelectMany(s => ProjectionModel.ComputePrecomputedEntry(Dataset, PolicyLibrary.LoadEmbedded(), s.Preset, s.Options).TableKeys.SelectMany(k => k))
            .Select(Convert.ToHexStringLower).ToHashSet(StringComparer.Ordinal);
        Assert.True(used.SetEquals(keys), Regenerate);
    }

    [Fact]
    public void A_table_key_changes_with_every_input()
    {
        var library = PolicyLibrary.LoadEmbedded();
        var baseRates = Enumerable.Repeat(0.05, Dataset.LinesArray.Sum(l => l.SuppliersArray.Length)).ToArray();
        var prefix = ProjectionModel.PrecomputedTablePrefix(Dataset, library, ProjectionOptions.Default, baseRates)!;
        var tariffs = baseRates.Select(r => r + 0.1).ToArray();
        var key = Convert.ToHexStringLower(ProjectionModel.PrecomputedTableKey(prefix, tariffs));
        string Other(ProjectionOptions o, double[] b, double[] t) => Convert.ToHexStringLower(ProjectionModel.PrecomputedTableKey(ProjectionModel.PrecomputedTablePrefix(Dataset, library, o, b)!, t));
        Assert.Equal(key, Other(ProjectionOptions.Default, baseRates, tariffs));
        Assert.NotEqual(key, Other(ProjectionOptions.Default with { GridNodes = 27 }, baseRates, tariffs));
        Assert.NotEqual(key, Other(ProjectionOptions.Default with { Sigma = VietUsTrade.Sim.Models.PartialEquilibrium.SigmaSet.Hauk2012 }, baseRates, tariffs));
        var b2 = (double[])baseRates.Clone();
        b2[^1] = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(b2[^1]) + 1);
        Assert.NotEqual(key, Other(ProjectionOptions.Default, b2, tariffs));
        var t2 = (double[])tariffs.Clone();
        t2[0] = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(t2[0]) + 1);
        Assert.NotEqual(key, Other(ProjectionOptions.Default, baseRates, t2));

        // A dataset not read from the embedded resource has no table keys.
        var copy = BaselineDataset.Read(new MemoryStream(Compress(DatasetSerializer.Serialize(Dataset))));
        Assert.Null(ProjectionModel.PrecomputedTablePrefix(copy, library, ProjectionOptions.Default, baseRates));
    }

    private static Scenario WithMeasures(Scenario s, Func<TariffMeasure, TariffMeasure> change) =>
        new(s.Name + "-user", s.Description, s.Sources, s.Measures.Select(change).ToArray(), s.Commitments, s.Concessions, s.Assumptions);

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
