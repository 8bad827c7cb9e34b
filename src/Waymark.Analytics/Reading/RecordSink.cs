using System.Globalization;
using Waymark.Analytics.Model;

namespace Waymark.Analytics.Reading;

/// <summary>Gives the text of one column of the current record.</summary>
internal interface IFieldSource
{
    ReadOnlySpan<char> Get(int column);
}

/// <summary>Turns the text fields of one flat record (CSV row, NDJSON line) into an event of the builder.</summary>
internal sealed class RecordSink
{
    private readonly EventLogBuilder _builder;
    private readonly ResolvedColumns _columns;
    private readonly TimestampParser _time;
    private readonly ActivityClassifier _classifier;
    private readonly (int Column, int Key)[] _extra;
    private char[] _nameBuffer = new char[256];

    public RecordSink(EventLogBuilder builder, ResolvedColumns columns, ReadOptions options, IReadOnlyList<string> headers)
    {
        _builder = builder;
        _columns = columns;
        _classifier = options.Classifier;
        _time = new TimestampParser(options.Mapping.TimeFormat, options.Mapping.TimeZone);
        var extra = new List<(int, int)>();
        if (options.KeepAttributes)
            for (var i = 0; i < headers.Count; i++)
                if (!columns.IsMapped(i) && headers[i].Length > 0)
                    extra.Add((i, builder.Pools.AttributeKeys.GetOrAdd(headers[i])));
        _extra = extra.ToArray();
    }

    /// <summary>Adds the record; on a bad field returns (field, problem) and adds nothing.</summary>
    public (string Field, string Problem)? TryAdd<TSource>(ref TSource source) where TSource : struct, IFieldSource
    {
        var pools = _builder.Pools;
        var c = _columns;
        var customerText = source.Get(c.Customer);
        if (customerText.IsEmpty) return ("customer", "is empty");
        if (!_time.TryParse(source.Get(c.Time), out var ticks))
            return ("time", $"'{source.Get(c.Time).ToString()}' is not a timestamp{(_time.DefaultZone is null ? "" : "")} (expected ISO 8601 or the given time format)");
        var activityText = source.Get(c.Activity);
        if (activityText.IsEmpty) return ("activity", "is empty");
        var score = float.NaN;
        if (c.Score >= 0 && !TryFloat(source.Get(c.Score), out score)) return ("score", $"'{source.Get(c.Score).ToString()}' is not a number");
        var kind = float.IsNaN(score) ? ScoreKind.None : ScoreKind.Csat;
        if (c.ScoreKind >= 0)
        {
            var k = source.Get(c.ScoreKind);
            if (!ScoreKinds.TryParse(k, out var parsed)) return ("scoreKind", $"'{k.ToString()}' is not csat, nps or ces");
            if (!k.IsEmpty) kind = parsed;
        }
        var duration = float.NaN;
        if (c.Duration >= 0 && !TryFloat(source.Get(c.Duration), out duration)) return ("duration", $"'{source.Get(c.Duration).ToString()}' is not a number of seconds");
        var waiting = float.NaN;
        if (c.Waiting >= 0 && !TryFloat(source.Get(c.Waiting), out waiting)) return ("waiting", $"'{source.Get(c.Waiting).ToString()}' is not a number of seconds");

        int activity;
        if (_classifier == ActivityClassifier.NameAndLifecycle && c.Lifecycle >= 0 && !source.Get(c.Lifecycle).IsEmpty)
        {
            var life = source.Get(c.Lifecycle);
            var need = activityText.Length + 1 + life.Length;
            if (_nameBuffer.Length < need) _nameBuffer = new char[need * 2];
            activityText.CopyTo(_nameBuffer);
            _nameBuffer[activityText.Length] = '+';
            life.CopyTo(_nameBuffer.AsSpan(activityText.Length + 1));
            activity = pools.Activities.GetOrAdd(_nameBuffer.AsSpan(0, need));
        }
        else activity = pools.Activities.GetOrAdd(activityText);

        var customer = pools.Customers.GetOrAdd(customerText);
        var @case = -1;
        if (c.Case >= 0)
        {
            var caseText = source.Get(c.Case);
            if (!caseText.IsEmpty) @case = pools.Cases.GetOrAdd(caseText);
        }
        var channel = c.Channel >= 0 ? pools.Channels.GetOrAdd(source.Get(c.Channel)) : -1;
        var outcome = c.Outcome >= 0 ? pools.Outcomes.GetOrAdd(source.Get(c.Outcome)) : -1;
        var index = _builder.Add(customer, @case, ticks, activity, channel, outcome, score, kind, duration, waiting);
        foreach (var (column, key) in _extra)
        {
            var v = source.Get(column);
            if (!v.IsEmpty) _builder.SetAttribute(index, key, pools.AttributeValues.GetOrAdd(v));
        }
        return null;
    }

    private static bool TryFloat(ReadOnlySpan<char> text, out float value)
    {
        if (text.IsEmpty) { value = float.NaN; return true; }
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value);
    }
}
