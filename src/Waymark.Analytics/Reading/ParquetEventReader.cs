using System.Globalization;
using Parquet;
using Parquet.Schema;
using Waymark.Analytics.Model;

namespace Waymark.Analytics.Reading;

/// <summary>
/// Reads Parquet column by column (row group at a time) using the same column mapping as CSV. Columns may be strings or
/// typed: time as timestamp or ISO string, numbers as float/double/int/long. Values go through the CSV record path, so
/// validation and error places (row number, field) are the same.
/// </summary>
public static class ParquetEventReader
{
    public static EventLog Read(string path, ReadOptions? options = null)
    {
        options ??= new ReadOptions();
        using var stream = File.OpenRead(path);
        return Read(stream, options with { SourceName = options.SourceName ?? Path.GetFileName(path) });
    }

    public static EventLog Read(Stream stream, ReadOptions options)
    {
        try
        {
            return ReadAsync(stream, options).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not (EventLogFormatException or OperationCanceledException or OutOfMemoryException))
        {
            // Parquet.Net reports a damaged or foreign file with exceptions of its own kinds; say it plainly, with its words.
            throw new EventLogFormatException(options.SourceName ?? "parquet", "the file", null, $"it is not a Parquet file Waymark can read ({e.Message})");
        }
    }

    private static async Task<EventLog> ReadAsync(Stream stream, ReadOptions options)
    {
        var file = options.SourceName ?? "parquet";
        ParquetSchemaCheck.Check(stream, file);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        var headers = fields.Select(f => f.Name).ToArray();
        var columns = options.Mapping.Resolve(headers, file);
        var builder = new EventLogBuilder();
        var sink = new RecordSink(builder, columns, options, headers);
        long row = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var rg = reader.OpenRowGroupReader(g);
            var rows = (int)rg.RowCount;
            var values = new string?[fields.Length][];
            for (var f = 0; f < fields.Length; f++) values[f] = await ReadAsText(rg, fields[f], rows);
            var source = new RowSource(values);
            for (var r = 0; r < rows; r++)
            {
                row++;
                source.Row = r;
                var error = sink.TryAdd(ref source);
                if (error is { } e)
                {
                    var ex = new EventLogFormatException(file, $"row {row}", e.Field, e.Problem);
                    if (!options.SkipBadRecords) throw ex;
                    builder.SkippedRecords++;
                    if (builder.Warnings.Count < 20) builder.Warnings.Add(ex.Message);
                }
            }
            options.Progress?.Invoke(new ReadProgress(builder.Count, stream.CanSeek ? stream.Position : 0, stream.CanSeek ? stream.Length : 0));
        }
        return builder.Build(options.JourneyKey);
    }

    internal static async Task<string?[]> ReadAsText(ParquetRowGroupReader rg, DataField field, int rows)
    {
        var t = field.ClrType;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>))
        {
            var s = new string?[rows];
            await rg.ReadAsync(field, s.AsMemory());
            return s;
        }
        if (t == typeof(DateTime))
            return (await Read<DateTime>(rg, field, rows)).Select(d => d is not { } v ? null
                : (v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture)).ToArray();
        if (t == typeof(DateTimeOffset)) return (await Read<DateTimeOffset>(rg, field, rows)).Select(d => d?.ToString("O", CultureInfo.InvariantCulture)).ToArray();
        if (t == typeof(float)) return (await Read<float>(rg, field, rows)).Select(v => v?.ToString("R", CultureInfo.InvariantCulture)).ToArray();
        if (t == typeof(double)) return (await Read<double>(rg, field, rows)).Select(v => v?.ToString("R", CultureInfo.InvariantCulture)).ToArray();
        if (t == typeof(int)) return (await Read<int>(rg, field, rows)).Select(v => v?.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (t == typeof(long)) return (await Read<long>(rg, field, rows)).Select(v => v?.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (t == typeof(bool)) return (await Read<bool>(rg, field, rows)).Select(v => v?.ToString()).ToArray();
        return new string?[rows];
    }

    private static async Task<T?[]> Read<T>(ParquetRowGroupReader rg, DataField field, int rows) where T : struct
    {
        if (field.IsNullable)
        {
            var n = new T?[rows];
            await rg.ReadAsync<T>(field, n.AsMemory());
            return n;
        }
        var v = new T[rows];
        await rg.ReadAsync<T>(field, v.AsMemory());
        return v.Select(x => (T?)x).ToArray();
    }

    private struct RowSource(string?[][] values) : IFieldSource
    {
        public int Row;
        public readonly ReadOnlySpan<char> Get(int column) => values[column][Row];
    }
}
