using Waymark.Analytics.Model;

namespace Waymark.Analytics.Reading;

/// <summary>How activities are named from the raw fields.</summary>
public enum ActivityClassifier
{
    /// <summary>The activity / touchpoint name alone (XES <c>concept:name</c>).</summary>
    Name,
    /// <summary>Name and lifecycle transition joined with '+', e.g. <c>A_SUBMITTED+COMPLETE</c>.</summary>
    NameAndLifecycle,
}

/// <summary>How far a reader has got.</summary>
public readonly record struct ReadProgress(long Events, long BytesRead, long TotalBytes);

public sealed record ReadOptions
{
    public ActivityClassifier Classifier { get; init; } = ActivityClassifier.Name;
    /// <summary>Skip records that cannot be read (and count them) instead of stopping at the first.</summary>
    public bool SkipBadRecords { get; init; }
    /// <summary>Which key the built log groups journeys by.</summary>
    public JourneyKey JourneyKey { get; init; } = JourneyKey.Customer;
    /// <summary>Called about every 64K events and at the end.</summary>
    public Action<ReadProgress>? Progress { get; init; }
    /// <summary>Name shown in error messages; defaults to the file name.</summary>
    public string? SourceName { get; init; }
    /// <summary>Keep columns / attributes that are not mapped to a field as free attributes.</summary>
    public bool KeepAttributes { get; init; } = true;
    /// <summary>CSV / NDJSON field names, time format and zone.</summary>
    public ColumnMapping Mapping { get; init; } = new();
}
