namespace Waymark.Analytics.Model;

/// <summary>What a score on an event measures.</summary>
public enum ScoreKind : byte
{
    None = 0,
    /// <summary>Customer satisfaction, usually 1–5.</summary>
    Csat = 1,
    /// <summary>Net promoter answer, 0–10.</summary>
    Nps = 2,
    /// <summary>Customer effort score, usually 1–7 (lower is less effort).</summary>
    Ces = 3,
}

public static class ScoreKinds
{
    public static bool TryParse(ReadOnlySpan<char> text, out ScoreKind kind)
    {
        kind = ScoreKind.None;
        if (text.IsEmpty) return true;
        if (text.Equals("csat", StringComparison.OrdinalIgnoreCase)) { kind = ScoreKind.Csat; return true; }
        if (text.Equals("nps", StringComparison.OrdinalIgnoreCase)) { kind = ScoreKind.Nps; return true; }
        if (text.Equals("ces", StringComparison.OrdinalIgnoreCase)) { kind = ScoreKind.Ces; return true; }
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static string Name(ScoreKind kind) => kind switch
    {
        ScoreKind.Csat => "csat",
        ScoreKind.Nps => "nps",
        ScoreKind.Ces => "ces",
        _ => "",
    };
}
