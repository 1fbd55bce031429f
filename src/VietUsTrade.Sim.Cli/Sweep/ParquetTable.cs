using VietUsTrade.Sim.Reporting;
using Parquet;
using Parquet.Schema;
using VietUsTrade.Sim.Cli.Output;

namespace VietUsTrade.Sim.Cli.Sweep;

/// <summary>Reads a Parquet file written by <see cref="TableWriter"/> (double and string columns) back into a <see cref="TidyTable"/>.</summary>
internal static class ParquetTable
{
    public static TidyTable Read(string path) => ReadAsync(path).GetAwaiter().GetResult();

    private static async Task<TidyTable> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        var table = new TidyTable([.. fields.Select(f => f.Name)]);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = checked((int)group.RowCount);
            var columns = new object?[fields.Length][];
            for (var c = 0; c < fields.Length; c++)
            {
                var field = fields[c];
                if (field.ClrType == typeof(double))
                {
                    var values = new double?[n];
                    await group.ReadAsync<double>(field, values.AsMemory()).ConfigureAwait(false);
                    columns[c] = [.. values.Select(v => (object?)v)];
                }
                else if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
                {
                    var values = new string?[n];
                    await group.ReadAsync(field, values.AsMemory()).ConfigureAwait(false);
                    columns[c] = values;
                }
                else
                {
                    throw new InvalidDataException($"'{path}': column {field.Name} has type {field.ClrType.Name}; a sweep shard holds only numbers and text.");
                }
            }

            for (var r = 0; r < n; r++)
            {
                table.Add([.. columns.Select(col => col[r])]);
            }
        }

        return table;
    }
}
