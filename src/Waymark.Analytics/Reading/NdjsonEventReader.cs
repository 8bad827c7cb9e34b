using System.Buffers;
using System.Text;
using System.Text.Json;
using Waymark.Analytics.Model;

namespace Waymark.Analytics.Reading;

/// <summary>
/// Newline-delimited JSON: one object per line, flat, with the same property names as the CSV columns (mapped the same
/// way). The property set is learnt from the first line (writers put every property there, null when missing); later
/// lines may omit properties, and properties first seen later are ignored. Numbers and strings are both
/// accepted for every field. Values are parsed from UTF-8 without building a DOM.
/// </summary>
public static class NdjsonEventReader
{
    public static EventLog Read(string path, ReadOptions? options = null)
    {
        options ??= new ReadOptions();
        using var input = EventLogFiles.Open(path);
        return Read(input, options with { SourceName = options.SourceName ?? Path.GetFileName(path) });
    }

    public static EventLog Read(Stream stream, ReadOptions options, long totalBytes = 0) => Read(EventLogFiles.Wrap(stream, totalBytes), options);

    internal static EventLog Read(InputFile input, ReadOptions options)
    {
        var file = options.SourceName ?? "ndjson";
        var builder = new EventLogBuilder();
        using var reader = new StreamReader(input.Stream, Encoding.UTF8, true, 1 << 16);
        RecordSink? sink = null;
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var source = new LineSource { Values = [] };
        long line = 0;
        string? text;
        var bytes = new byte[4096];
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var need = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (bytes.Length < need) bytes = new byte[need];
            var n = Encoding.UTF8.GetBytes(text, bytes);
            try
            {
                var json = new Utf8JsonReader(bytes.AsSpan(0, n), new JsonReaderOptions { MaxDepth = MaxNesting + 2 });
                if (!json.Read() || json.TokenType != JsonTokenType.StartObject) throw new FormatException("is not a JSON object");
                if (sink is null)
                {
                    // Learn the property names from the first object.
                    var probe = json;
                    while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = probe.GetString()!;
                        if (!index.ContainsKey(name)) { index[name] = names.Count; names.Add(name); }
                        probe.Read();
                        SkipValue(ref probe, name);
                    }
                    sink = new RecordSink(builder, options.Mapping.Resolve(names, file), options, names);
                    source.Values = new string?[names.Count];
                }
                Array.Clear(source.Values);
                while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                {
                    var name = json.GetString()!;
                    json.Read();
                    if (!index.TryGetValue(name, out var col))
                    {
                        SkipValue(ref json, name);
                        continue;
                    }
                    source.Values[col] = json.TokenType switch
                    {
                        JsonTokenType.String => json.GetString(),
                        JsonTokenType.Number => Encoding.UTF8.GetString(json.ValueSpan),
                        JsonTokenType.True => "true",
                        JsonTokenType.False => "false",
                        JsonTokenType.Null => null,
                        _ => throw new FormatException($"property '{name}' holds a nested value"),
                    };
                }
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                Fail(builder, options, file, line, null, e.Message);
                continue;
            }
            var error = sink!.TryAdd(ref source);
            if (error is { } err) Fail(builder, options, file, line, err.Field, err.Problem);
            if (options.Progress is not null && (line & 0xFFFF) == 0) options.Progress(new ReadProgress(builder.Count, input.Position(), input.Total));
        }
        options.Progress?.Invoke(new ReadProgress(builder.Count, input.Position(), input.Total));
        if (sink is null) return builder.Build(options.JourneyKey);
        return builder.Build(options.JourneyKey);
    }

    /// <summary>Events are flat; values nested deeper than this are refused with a clear message rather than the JSON reader's own.</summary>
    private const int MaxNesting = 64;

    /// <summary>Skips a property's value (a nested one token by token, without recursion), refusing nesting beyond <see cref="MaxNesting"/>.</summary>
    private static void SkipValue(ref Utf8JsonReader json, string name)
    {
        if (json.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        var depth = json.CurrentDepth;
        while (json.Read() && json.CurrentDepth > depth)
            if (json.CurrentDepth > MaxNesting) throw new FormatException($"property '{name}' is nested more than {MaxNesting} levels deep (events are flat objects)");
    }

    private static void Fail(EventLogBuilder builder, ReadOptions options, string file, long line, string? field, string problem)
    {
        var ex = new EventLogFormatException(file, $"line {line}", field, problem);
        if (!options.SkipBadRecords) throw ex;
        builder.SkippedRecords++;
        if (builder.Warnings.Count < 20) builder.Warnings.Add(ex.Message);
    }

    private struct LineSource : IFieldSource
    {
        public string?[] Values;
        public readonly ReadOnlySpan<char> Get(int column) => Values[column];
    }
}
