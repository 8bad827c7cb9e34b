using Microsoft.AspNetCore.Components;

namespace Waymark.Web.Components.Pages.Journeys;

/// <summary>
/// A part of the journey map that renders again only when what it shows changed. Every change to a map gives the page a
/// new view with new objects, so the part compares what it shows (<see cref="Shows"/>, a text of everything it draws)
/// rather than its parameters: a stage renamed re-renders the stage heads and nothing of the lanes, on each open page.
/// </summary>
public abstract class MapPart : ComponentBase
{
    private string? _shown;
    private string? _content;

    [Parameter] public JourneyMap Owner { get; set; } = default!;

    /// <summary>Everything the part draws, as text: the part renders again when it differs from the last render's.</summary>
    protected abstract string Shows();

    /// <summary>A large piece of what the part draws, compared apart from <see cref="Shows"/> (usually the same string instance).</summary>
    protected virtual string? Content => null;

    protected override void OnInitialized()
    {
        _shown = Shows();
        _content = Content;
    }

    protected override bool ShouldRender()
    {
        var shows = Shows();
        var content = Content;
        if (shows == _shown && string.Equals(content, _content, StringComparison.Ordinal)) return false;
        _shown = shows;
        _content = content;
        return true;
    }
}
