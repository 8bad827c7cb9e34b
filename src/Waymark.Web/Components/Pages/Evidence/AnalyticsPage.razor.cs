using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Waymark.Analytics.Metrics;
using Waymark.Analytics.Reporting;
using Waymark.Storage.Interactions;
using Waymark.Web.Features.Evidence;

namespace Waymark.Web.Components.Pages.Evidence;

public partial class AnalyticsPage
{
    [SupplyParameterFromQuery(Name = "period")] public string? PeriodQuery { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? FromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToQuery { get; set; }
    [SupplyParameterFromQuery(Name = "channel")] public string? ChannelQuery { get; set; }
    [SupplyParameterFromQuery(Name = "persona")] public string? PersonaQuery { get; set; }
    [SupplyParameterFromQuery(Name = "map")] public Guid? MapQuery { get; set; }
    [SupplyParameterFromQuery(Name = "step")] public string[]? StepQuery { get; set; }
    [SupplyParameterFromQuery(Name = "drill")] public string? DrillQuery { get; set; }
    [SupplyParameterFromQuery(Name = "of")] public string[]? OfQuery { get; set; }

    private const int TopVariants = 10;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private AnalyticsView _view = new();
    private EventAnalysis? _analysis;
    private ExampleCustomersResponse? _examples;
    private FunnelReport? _funnel;
    private MarkupString _dfg;
    private MarkupString _sankey;
    private long _storedEvents = -1;
    private bool _loading = true;
    private string? _error;
    private DateOnly? _customFrom, _customTo;
    private string? _funnelChoice;
    private IReadOnlyList<string> _channels = [];
    private IReadOnlyList<string> _personas = [];
    private IReadOnlyList<(Guid Id, string Name)> _maps = [];
    private readonly CancellationTokenSource _gone = new();

    private string PeriodText
    {
        get
        {
            var (from, to) = _view.Days(Data.Today);
            var preset = AnalyticsView.Presets.FirstOrDefault(p => p.Key == _view.Period).Text;
            var days = from == to ? Day(from) : $"{Day(from)} – {Day(to)}";
            return preset is null ? days : $"{preset.ToLowerInvariant()} ({days})";
        }
    }

    private bool HasFilters => _view.Channel is not null || _view.Persona is not null;

    private string? MapName => _maps.FirstOrDefault(m => m.Id == _view.Map).Name;

    protected override async Task LoadAsync()
    {
        _view = new AnalyticsView
        {
            Period = PeriodQuery is { } p && (p == AnalyticsView.Custom || AnalyticsView.Presets.Any(x => x.Key == p)) ? p : AnalyticsView.DefaultPeriod,
            From = ParseDay(FromQuery),
            To = ParseDay(ToQuery),
            Channel = string.IsNullOrWhiteSpace(ChannelQuery) ? null : ChannelQuery,
            Persona = string.IsNullOrWhiteSpace(PersonaQuery) ? null : PersonaQuery,
            Map = MapQuery,
            Funnel = (StepQuery ?? []).Where(s => s.Length > 0).Take(EventFunnel.MaxSteps).ToList(),
            Drill = AnalyticsView.ParseDrill(DrillQuery),
            Of = OfQuery ?? [],
        };
        (_customFrom, _customTo) = _view.Days(Data.Today);
        await RefreshAsync();
    }

    /// <summary>
    /// Reads the events again and shows what they say now: the live "events arrived" change calls this (through
    /// <c>InvokeAsync</c>), as do changes of the period and filters.
    /// </summary>
    public async Task RefreshAsync()
    {
        _error = null;
        var ct = _gone.Token;
        try
        {
            await using var db = Data.Open();
            var ws = Workspace!;
            _storedEvents = await EventStore.For(db).CountAsync(ws.Id, ct: ct);
            _personas = await db.Personas.AsNoTracking().Where(p => p.WorkspaceId == ws.Id).Select(p => p.Name).OrderBy(n => n).ToListAsync(ct);
            _maps = (await db.Journeys.AsNoTracking().Where(j => j.WorkspaceId == ws.Id).OrderBy(j => j.Name).Select(j => new { j.Id, j.Name }).ToListAsync(ct))
                .Select(j => (j.Id, j.Name)).ToList();
            var known = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == ws.Id).Select(c => c.Name).ToListAsync(ct);
            if (_view.Map is { } map && _maps.All(m => m.Id != map)) _view = _view with { Map = null };
            if (_storedEvents == 0)
            {
                _analysis = null;
                _channels = known.Order(StringComparer.OrdinalIgnoreCase).ToList();
                return;
            }
            var question = _view.Question(Data.Today);
            var analysis = await Analytics.AnalyseAsync(db, ws, question, ct);
            _analysis = analysis;
            // The channels the events use, as they write them, and the workspace's own, once each whatever the case.
            _channels = analysis.Report.ChannelSwitches.Channels.Where(c => c.Length > 0).Concat(known)
                .Concat(_view.Channel is { } chosen ? [chosen] : [])
                .DistinctBy(c => c.ToLowerInvariant()).Order(StringComparer.OrdinalIgnoreCase).ToList();
            _dfg = new MarkupString(HtmlReport.DirectlyFollowsGraph(analysis.Report,
                CanEdit ? e => Link(_view.Drilled(DrillDown.Edge, e.From, e.To).Href()) : null));
            _sankey = new MarkupString(HtmlReport.SankeyDiagram(ChannelFlows(analysis.Report), "Channel flows from one contact to the next"));
            _funnel = _view.Funnel.Count > 0 ? await EventFunnel.CountAsync(db, ws, question, _view.Funnel, ct) : null;
            _examples = _view.Drill is { } drill && CanEdit && DrillFits(drill, _view.Of)
                ? await ExampleCustomers.FindAsync(db, ws, question, drill, _view.Of, ExampleCustomers.DefaultLimit, ct)
                : null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page was left; nothing to show.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.LogError(e, "The journey analytics of workspace {Workspace} failed", Ws);
            _error = "The events could not be analysed just now; try again in a moment.";
        }
        finally
        {
            _loading = false;
            StateHasChanged();
        }
    }

    /// <summary>The switch matrix as flows from one contact's channel to the next one's, for the Sankey drawing.</summary>
    private static IReadOnlyList<SankeyFlow> ChannelFlows(AnalysisReport r) =>
        r.ChannelSwitches.Matrix.Where(c => c.From.Length > 0 && c.To.Length > 0 && c.Count > 0)
            .Select(c => new SankeyFlow(1, c.From, c.To, c.Count)).ToList();

    private static bool DrillFits(DrillDown kind, IReadOnlyList<string> of) =>
        of.Count > 0 && of.All(o => o.Length > 0) && (kind == DrillDown.Variant || of.Count == 2);

    private static ChannelCell? Cell(AnalysisReport r, string from, string to) =>
        r.ChannelSwitches.Matrix.FirstOrDefault(c => c.From == from && c.To == to);

    /// <summary>A blue from pale to mid, so that black text keeps a contrast of at least 4.5 on every cell.</summary>
    private static string Heat(double rate) => $"hsl(225,60%,{(97 - Math.Clamp(rate, 0, 1) * 35).ToString("0", Inv)}%)";

    private void Go(AnalyticsView view) => Nav.NavigateTo(Link(view.Href()));

    private void ApplyRange()
    {
        if (_customFrom is { } from && _customTo is { } to)
            Go(_view.Undrilled with { Period = AnalyticsView.Custom, From = from <= to ? from : to, To = from <= to ? to : from });
    }

    private void AddStep()
    {
        if (string.IsNullOrEmpty(_funnelChoice)) return;
        Go(_view with { Funnel = [.. _view.Funnel, _funnelChoice] });
        _funnelChoice = null;
    }

    private string CustomerLink(string customer) => Link($"customers/{CustomerTimeline.PagePath(customer)}");

    private static string? Text(ChangeEventArgs e) => e.Value?.ToString() is { Length: > 0 } s ? s : null;

    private static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var d) ? d : null;

    private static string DrillText(DrillDown kind, IReadOnlyList<string> of) => kind switch
    {
        DrillDown.Variant => $"the path {string.Join(" → ", of)}",
        DrillDown.Edge when of.Count == 2 => $"{of[0]} followed by {of[1]}",
        DrillDown.Switch when of.Count == 2 => $"a {of[0]} contact followed by a {of[1]} contact",
        _ => "nothing recognisable",
    };

    private static string Day(DateOnly d) => d.ToString("d MMM yyyy", Inv);

    private static string When(DateTime at) => at.ToString("d MMM yyyy HH:mm", Inv) + " UTC";

    private static string N(long n) => n.ToString("N0", Inv);

    private static string Count(long n, string singular, string? plural = null) => $"{N(n)} {(n == 1 ? singular : plural ?? singular + "s")}";

    private static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.#", Inv) + " %" : "–";

    public void Dispose()
    {
        _gone.Cancel();
        _gone.Dispose();
    }
}
