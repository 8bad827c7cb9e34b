using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Waymark.CircuitBenchmark;

/// <summary>
/// One open map page as a real Blazor Server circuit, held from .NET the way blazor.web.js holds it for a Blazor Web
/// App, without a DOM: the prerendered page's component markers (and persisted state) are handed to the server
/// (<c>StartCircuit</c>, then <c>UpdateRootComponents</c> with an "add" operation per marker), every render batch is
/// acknowledged (<c>OnRenderCompleted</c>), and every JavaScript call the server makes is answered
/// (<c>EndInvokeJSFromDotNet</c>). Render batches carry their strings as UTF-8 in a string table, each with its length
/// in front, so a page "shows" a text when a batch carries that exact string.
/// </summary>
public sealed partial class BlazorCircuit : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly CircuitTally _tally;
    private readonly TaskCompletionSource _rendererAttached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _live = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _mapDrawn = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _watchLock = new();
    private (byte[] Needle, TaskCompletionSource<double> Seen)? _watch;
    private bool _closing;

    private BlazorCircuit(HubConnection hub, CircuitTally tally)
    {
        _hub = hub;
        _tally = tally;
    }

    /// <summary>The circuit's id as the server gave it (what a closing tab sends to <c>_blazor/disconnect</c>).</summary>
    public string? Secret { get; private set; }

    // Strings as the layout and the map page render them once the circuit is live (see ChromiumPages.OpenMapAsync).
    private static readonly byte[] LiveEntry = Entry("live");
    private static readonly byte[] MapEntry = Entry("journey-map");

    /// <summary>Gets the page as the signed-in person, starts its circuit and waits until the layout is live and the map drawn.</summary>
    public static async Task<BlazorCircuit> OpenAsync(HttpClient http, CookieContainer cookies, string baseUrl, string pageUrl, CircuitTally tally, TimeSpan timeout)
    {
        var html = await http.GetStringAsync(pageUrl);
        var markers = ComponentMarker().Matches(html).Select(m => JsonNode.Parse(m.Groups["json"].Value)!)
            .Where(m => (string?)m["type"] == "server").ToList();
        if (markers.Count == 0) throw new InvalidOperationException($"The page {pageUrl} has no interactive server components (signed out?).");
        var state = PersistedState().Match(html) is { Success: true } s ? s.Groups["state"].Value : "";

        var builder = new HubConnectionBuilder().WithUrl(new Uri(new Uri(baseUrl), "_blazor"), o => o.Cookies = cookies);
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackHubProtocol(tally.Unread));
        var circuit = new BlazorCircuit(builder.Build(), tally);
        circuit.Listen();
        await circuit._hub.StartAsync();
        Interlocked.Increment(ref tally.Started);

        // As blazor.web.js does for a Blazor Web App: no initial components, then the page's markers as "add" operations
        // once the server has attached its renderer to the page (its call to Blazor._internal.attachWebRendererInterop).
        circuit.Secret = await circuit._hub.InvokeAsync<string?>("StartCircuit", baseUrl.TrimEnd('/') + "/", pageUrl, "[]", state);
        if (circuit.Secret is null) throw new InvalidOperationException($"The server refused to start a circuit for {pageUrl}.");
        await circuit._rendererAttached.Task.WaitAsync(timeout);
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((m, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = m,
            }).ToArray()),
        };
        await circuit._hub.SendAsync("UpdateRootComponents", operations.ToJsonString(), state);
        await Task.WhenAll(circuit._live.Task, circuit._mapDrawn.Task).WaitAsync(timeout);
        return circuit;
    }

    /// <summary>From now on, the first render batch that carries <paramref name="text"/> completes the task with its arrival (epoch ms).</summary>
    public Task<double> Watch(string text)
    {
        var seen = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_watchLock) _watch = (Entry(text), seen);
        return seen.Task;
    }

    /// <summary>
    /// Closes the page as a tab does: the connection goes, and blazor.web.js sends the circuit's id to
    /// <c>_blazor/disconnect</c> on unload so that the server ends the circuit at once instead of keeping it for a reconnect.
    /// The connection goes first: an acknowledgement still on its way to a circuit already ended would be answered with an error.
    /// </summary>
    public async Task CloseAsync(HttpClient http)
    {
        _closing = true;
        await _hub.DisposeAsync();
        if (Secret is null) return;
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("circuitId", Secret)]);
        using var response = await http.PostAsync("_blazor/disconnect", form);
        if (!response.IsSuccessStatusCode) Interlocked.Increment(ref _tally.DisconnectRefused);
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        await _hub.DisposeAsync();
    }

    private void Listen()
    {
        _hub.On<long, byte[]>("JS.RenderBatch", async (batchId, batch) =>
        {
            var arrived = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            Interlocked.Increment(ref _tally.Batches);
            Interlocked.Add(ref _tally.BatchBytes, batch.Length);
            var bytes = batch.AsSpan();
            if (!_live.Task.IsCompleted && bytes.IndexOf(LiveEntry) >= 0) _live.TrySetResult();
            if (!_mapDrawn.Task.IsCompleted && bytes.IndexOf(MapEntry) >= 0) _mapDrawn.TrySetResult();
            lock (_watchLock)
            {
                if (_watch is { } w && bytes.IndexOf(w.Needle) >= 0 && w.Seen.TrySetResult(arrived))
                    _tally.EditBatch(batch.Length);
            }
            // Unacknowledged batches pile up on the server until it stops sending; the browser acknowledges each once applied.
            await _hub.SendAsync("OnRenderCompleted", batchId, (string?)null);
        });
        // .NET 10 sends (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType); handle 0 wants no answer.
        _hub.On<long, string, string?, int, long, int>("JS.BeginInvokeJS", async (handle, identifier, _, resultType, _, _) =>
        {
            _tally.JsCall(identifier);
            if (identifier == "Blazor._internal.attachWebRendererInterop") _rendererAttached.TrySetResult();
            if (handle == 0) return;
            await _hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{JsResult(identifier, resultType)}]");
        });
        _hub.On<string>("JS.Error", error =>
        {
            _tally.Error(_closing ? $"{error} (while the page was closing)" : error);
            _live.TrySetException(new InvalidOperationException($"The circuit failed: {error}"));
        });
        _hub.Closed += error =>
        {
            if (!_closing) _tally.Error($"connection closed: {error?.Message ?? "by the server"}");
            _live.TrySetException(new InvalidOperationException("The connection closed."));
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// What the browser's JavaScript answers (a 1280 × 800 window, as the chromium client's): the calls of the map page,
    /// its layout, MudBlazor and Blazor itself whose result is read; nothing (undefined) for the others; a fresh object
    /// reference where .NET asked for one (JSCallResultType.JSObjectReference = 1).
    /// </summary>
    private string JsResult(string identifier, int resultType) => identifier switch
    {
        _ when resultType == 1 => $"{{\"__jsObjectId\":{Interlocked.Increment(ref _tally.ObjectReferences)}}}",
        "window.hasOwnProperty" => "true",
        "mudpopoverHelper.countProviders" => "1",
        "mudResizeListener.getBrowserWindowSize" => """{"height":800,"width":1280}""",
        "mudResizeListener.matchMedia" => "false",
        "mudElementRef.getBoundingClientRect" => """{"x":0,"y":0,"width":0,"height":0,"top":0,"left":0,"right":0,"bottom":0,"scrollX":0,"scrollY":0,"windowHeight":800,"windowWidth":1280}""",
        "Blazor._internal.PageTitle.getAndRemoveExistingTitle" => "\"Waymark\"",
        "waymark.fitScale" => "1",
        _ => "null",
    };

    /// <summary>A string as a render batch's string table holds it: the UTF-8 length (7 bits a byte), then the bytes.</summary>
    private static byte[] Entry(string text)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8)) writer.Write(text);
        return stream.ToArray();
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex ComponentMarker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->")]
    private static partial Regex PersistedState();
}

/// <summary>What all circuits of a run saw, shared between them.</summary>
public sealed class CircuitTally
{
    public int Started;
    public long Batches;
    public long BatchBytes;
    public long ObjectReferences;
    public int DisconnectRefused;
    private readonly Dictionary<string, int> _jsCalls = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];
    private readonly Dictionary<string, int> _ignored = new(StringComparer.Ordinal);
    private readonly List<int> _editBatches = [];

    public void JsCall(string identifier)
    {
        lock (_jsCalls) _jsCalls[identifier] = _jsCalls.GetValueOrDefault(identifier) + 1;
    }

    /// <summary>A message the client could not read; one for which it has no handler it leaves aside as blazor.web.js leaves the DOM work.</summary>
    public void Unread(string target, string why)
    {
        if (why.Contains("expects 0", StringComparison.Ordinal)) lock (_ignored) _ignored[target] = _ignored.GetValueOrDefault(target) + 1;
        else Error($"'{target}' could not be read: {why}");
    }

    public void Error(string error)
    {
        lock (_errors) _errors.Add(error);
    }

    public void EditBatch(int bytes)
    {
        lock (_editBatches) _editBatches.Add(bytes);
    }

    /// <summary>A new edit is watched: the batches that carried an earlier one no longer count.</summary>
    public void ForgetEditBatches()
    {
        lock (_editBatches) _editBatches.Clear();
    }

    public IReadOnlyDictionary<string, int> JsCalls { get { lock (_jsCalls) return new Dictionary<string, int>(_jsCalls); } }
    public IReadOnlyDictionary<string, int> Ignored { get { lock (_ignored) return new Dictionary<string, int>(_ignored); } }
    public IReadOnlyList<string> Errors { get { lock (_errors) return [.. _errors]; } }
    public IReadOnlyList<int> EditBatches { get { lock (_editBatches) return [.. _editBatches]; } }
}

/// <summary>
/// Blazor's own hub protocol: the MessagePack hub protocol under the name "blazorpack" (what blazor.web.js sets on
/// its MessagePackHubProtocol, and what the server's BlazorPackHubProtocol is).
/// </summary>
public sealed class BlazorPackHubProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol _messagePack = new();
    private readonly Action<string, string> _bindingFailed;

    /// <summary><paramref name="bindingFailed"/> hears of a message the client could not read (arguments other than expected), which SignalR would only log.</summary>
    public BlazorPackHubProtocol(Action<string, string> bindingFailed) => _bindingFailed = bindingFailed;

    public string Name => "blazorpack";
    public int Version => _messagePack.Version;
    public TransferFormat TransferFormat => _messagePack.TransferFormat;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!_messagePack.TryParseMessage(ref input, binder, out message)) return false;
        if (message is InvocationBindingFailureMessage failed) _bindingFailed(failed.Target, failed.BindingFailure.SourceException.Message);
        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _messagePack.WriteMessage(message, output);
    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _messagePack.GetMessageBytes(message);
    public bool IsVersionSupported(int version) => _messagePack.IsVersionSupported(version);
}
