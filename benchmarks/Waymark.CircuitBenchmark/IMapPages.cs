namespace Waymark.CircuitBenchmark;

/// <summary>
/// The open map pages of one run, held by one kind of client: chromium tabs (<see cref="ChromiumPages"/>) or Blazor
/// circuits spoken from .NET without a browser (<see cref="ProtocolPages"/>).
/// </summary>
public interface IMapPages : IAsyncDisposable
{
    /// <summary>"chromium" or "protocol", as the report names the client.</summary>
    string Client { get; }

    /// <summary>Opens one page and closes it again: JIT, caches and the first circuit before the baseline is read.</summary>
    Task WarmUpAsync(string mapUrl);

    /// <summary>Opens the pages, <c>parallel</c> at a time; each counts once its circuit is live and its map drawn.</summary>
    Task OpenAsync(string mapUrl, int pages, int parallel);

    /// <summary>One task per open page that completes with the moment (epoch ms) the page received <paramref name="marker"/> in its map.</summary>
    Task<IReadOnlyList<Task<double>>> WatchAsync(string marker);

    /// <summary>Closes every page as a person closes a tab.</summary>
    Task CloseAsync();

    /// <summary>How the pages were held, for the report's setup sentence.</summary>
    string Setup(BenchmarkOptions options);

    /// <summary>What the client saw that says whether it was a faithful one (report lines, may be empty).</summary>
    IEnumerable<string> Findings();
}
