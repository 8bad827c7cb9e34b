using Sylvan.Data.Csv;
using Waymark.Analytics.Model;

namespace Waymark.Analytics.Reading;

/// <summary>Streams a CSV file (header row, any common delimiter) into an event log using the column mapping.</summary>
public static class CsvEventReader
{
    public static EventLog Read(string path, ReadOptions? options = null)
    {
        options ??= new ReadOptions();
        using var input = EventLogFiles.Open(path);
        return Read(input, options with { SourceName = options.SourceName ?? Path.GetFileName(path) });
    }

    public static EventLog Read(Stream stream, ReadOptions options, long totalBytes = 0) =>
        Read(EventLogFiles.Wrap(stream, totalBytes), options);

    internal static EventLog Read(InputFile input, ReadOptions options)
    {
        var file = options.SourceName ?? "csv";
        var totalBytes = input.Total;
        using var text = new StreamReader(input.Stream, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, BufferSize = RecordLimit });
        var headers = new string[csv.FieldCount];
        for (var i = 0; i < headers.Length; i++) headers[i] = csv.GetName(i);
        var columns = options.Mapping.Resolve(headers, file);
        var builder = new EventLogBuilder();
        var sink = new RecordSink(builder, columns, options, headers);
        var source = new CsvSource(csv);
        long record = 0;
        var progress = options.Progress;
        while (Next())
        {
            record++;
            if (csv.RowFieldCount < headers.Length && !(csv.RowFieldCount == 1 && csv.GetFieldSpan(0).IsEmpty))
            {
                Fail(builder, options, file, csv.RowNumber, null, $"has {csv.RowFieldCount} fields, the header has {headers.Length}");
                continue;
            }
            if (csv.RowFieldCount == 1 && headers.Length > 1 && csv.GetFieldSpan(0).IsEmpty) continue; // blank line
            var error = sink.TryAdd(ref source);
            if (error is { } e) Fail(builder, options, file, csv.RowNumber, e.Field, e.Problem);
            if (progress is not null && (record & 0xFFFF) == 0) progress(new ReadProgress(builder.Count, input.Position(), totalBytes));
        }
        progress?.Invoke(new ReadProgress(builder.Count, input.Position(), totalBytes));
        return builder.Build(options.JourneyKey);

        bool Next()
        {
            try
            {
                return csv.Read();
            }
            catch (CsvRecordTooLargeException e)
            {
                // An event's fields are short: a record this long is most often an opening quote that is never closed.
                throw new EventLogFormatException(file, $"line {e.RowNumber + 1}", null,
                    $"the record is longer than {RecordLimit / 1024} kB (is a closing quote missing?)");
            }
        }
    }

    private const int RecordLimit = 1 << 17;

    private static void Fail(EventLogBuilder builder, ReadOptions options, string file, int row, string? field, string problem)
    {
        var ex = new EventLogFormatException(file, $"line {row + 1}", field, problem);
        if (!options.SkipBadRecords) throw ex;
        builder.SkippedRecords++;
        if (builder.Warnings.Count < 20) builder.Warnings.Add(ex.Message);
    }

    private readonly struct CsvSource(CsvDataReader csv) : IFieldSource
    {
        public ReadOnlySpan<char> Get(int column) => csv.GetFieldSpan(column);
    }
}
