using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Waymark.Ui.Tests.Support;

/// <summary>Reads prerendered pages as a DOM, so tests ask for elements and their text, not for substrings of markup.</summary>
public static class Html
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The visible text with runs of white space made single spaces.</summary>
    public static string Text(this IElement e) => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Buttons, links and form controls a person could use to change something on the page.</summary>
    public static IReadOnlyList<string> EditControls(IDocument page) =>
        page.QuerySelectorAll("main button, main form, main input, main select, main textarea, .wm-page button, .wm-page form, .wm-page input, .wm-page select, .wm-page textarea")
            .Where(e => !(e.LocalName == "button" && e.ClassList.Contains("wm-linkbutton")))
            // Filters change what is shown, not what is stored.
            .Where(e => e.Closest("[data-filters]") is null)
            .Select(e => e.OuterHtml.Length > 160 ? e.OuterHtml[..160] : e.OuterHtml)
            .Distinct()
            .ToList();
}
