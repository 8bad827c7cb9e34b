namespace Waymark.Analytics.Reading;

/// <summary>A record that cannot be read, with where it is: file, line (or trace/event index) and field.</summary>
public sealed class EventLogFormatException(string file, string location, string? field, string problem)
    : Exception($"{file}: {location}{(field is null ? "" : $", field '{field}'")}: {problem}")
{
    public string File { get; } = file;
    public string Location { get; } = location;
    public string? Field { get; } = field;
    public string Problem { get; } = problem;
}
