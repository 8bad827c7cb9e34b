using System.IO.Compression;
using Waymark.Analytics.Model;

namespace Waymark.Analytics.Reading;

public enum EventLogFormat
{
    Csv,
    Ndjson,
    Xes,
    Parquet,
}

/// <summary>Opens event log files by format, guessing the format from the file name when not given.</summary>
public static class EventLogFiles
{
    public static EventLogFormat GuessFormat(string path)
    {
        var name = path.ToLowerInvariant();
        if (name.EndsWith(".gz")) name = name[..^3];
        if (name.EndsWith(".xes")) return EventLogFormat.Xes;
        if (name.EndsWith(".ndjson") || name.EndsWith(".jsonl") || name.EndsWith(".json")) return EventLogFormat.Ndjson;
        if (name.EndsWith(".parquet")) return EventLogFormat.Parquet;
        return EventLogFormat.Csv;
    }

    public static EventLog Read(string path, EventLogFormat? format = null, ReadOptions? options = null)
    {
        options ??= new ReadOptions();
        return (format ?? GuessFormat(path)) switch
        {
            EventLogFormat.Xes => XesReader.Read(path, options),
            EventLogFormat.Ndjson => NdjsonEventReader.Read(path, options),
            EventLogFormat.Parquet => ParquetEventReader.Read(path, options),
            _ => CsvEventReader.Read(path, options),
        };
    }

    /// <summary>Opens a file for reading, decompressing .gz transparently; progress is the position in the file itself.</summary>
    internal static InputFile Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        return new InputFile(stream, () => file.Position, file.Length);
    }

    internal static InputFile Wrap(Stream stream, long totalBytes)
    {
        var counting = new CountingStream(stream);
        return new InputFile(counting, () => counting.BytesRead, totalBytes);
    }
}

internal sealed record InputFile(Stream Stream, Func<long> Position, long Total) : IDisposable
{
    public void Dispose() => Stream.Dispose();
}
