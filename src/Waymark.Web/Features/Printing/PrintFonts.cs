using System.Collections.Concurrent;
using SkiaSharp;
using Svg.Skia.TypefaceProviders;

namespace Waymark.Web.Features.Printing;

/// <summary>
/// The fonts every drawing that leaves Waymark is set in (DejaVu Sans, Symbola for emoji and signs it lacks), read from
/// the program itself so that wherever it runs, text is measured, wrapped and drawn with the same glyphs. The SVG files
/// measure their text here, and the PDF and PNG renderings draw it with these faces, so what was measured is what is drawn.
/// </summary>
public static class PrintFonts
{
    /// <summary>The family the drawings name first; browsers that lack it fall back to the next ones, which are no wider.</summary>
    public const string Family = "DejaVu Sans";
    public const string SymbolFamily = "Symbola";
    public const string FontFamilies = "'DejaVu Sans', Verdana, system-ui, sans-serif";

    public static SKTypeface Regular { get; } = Load("DejaVuSans.ttf");
    public static SKTypeface Bold { get; } = Load("DejaVuSans-Bold.ttf");
    public static SKTypeface Symbols { get; } = Load("Symbola.ttf");

    /// <summary>Hands the shipped faces to Svg.Skia: DejaVu Sans (bold from 600) for every family but Symbola.</summary>
    public static IList<ITypefaceProvider> Providers { get; } = [new Shipped()];

    private static readonly ConcurrentDictionary<(int, bool), bool> Covered = new();
    private static readonly SKFont RegularGlyphs = new(Regular), BoldGlyphs = new(Bold), SymbolGlyphs = new(Symbols);

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(PrintFonts).Assembly.GetManifestResourceStream($"Waymark.Fonts.{file}")
                           ?? throw new InvalidOperationException($"The font {file} is missing from the program.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font {file} cannot be read.");
    }

    /// <summary>Whether DejaVu Sans has a glyph for the character; where it has none, the text is set in Symbola.</summary>
    public static bool HasGlyph(int codePoint, bool bold) =>
        Covered.GetOrAdd((codePoint, bold), key => (key.Item2 ? BoldGlyphs : RegularGlyphs).ContainsGlyph(key.Item1));

    /// <summary>The text cut into runs, each set in DejaVu Sans or (where it has no glyph) in Symbola.</summary>
    public static IEnumerable<(string Text, bool Symbol)> Runs(string text, bool bold)
    {
        var start = 0;
        bool? symbol = null;
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            var codePoint = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            // Joiners and variation selectors stay with what they join.
            var here = codePoint is 0x200D or (>= 0xFE00 and <= 0xFE0F) ? symbol ?? false : !HasGlyph(codePoint, bold) && SymbolGlyphs.ContainsGlyph(codePoint);
            if (symbol is { } s && s != here)
            {
                yield return (text[start..i], s);
                start = i;
            }
            symbol = here;
        }
        if (start < text.Length) yield return (text[start..], symbol ?? false);
    }

    /// <summary>How wide the text is at a size, in the same units, as the renderings will set it.</summary>
    public static double Width(string text, double size, bool bold = false)
    {
        var width = 0.0;
        foreach (var (run, symbol) in Runs(text, bold))
        {
            using var font = new SKFont(symbol ? Symbols : bold ? Bold : Regular, (float)size);
            width += font.MeasureText(run);
        }
        return width;
    }

    private sealed class Shipped : ITypefaceProvider
    {
        public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) =>
            fontFamily.Trim('\'', '"', ' ').Equals(SymbolFamily, StringComparison.OrdinalIgnoreCase) ? Symbols
            : (int)fontWeight >= 600 ? Bold : Regular;
    }
}
