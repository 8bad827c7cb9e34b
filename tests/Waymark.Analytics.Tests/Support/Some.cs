using Waymark.Analytics.Model;

namespace Waymark.Analytics.Tests.Support;

/// <summary>Test data: small logs written as rows, times in minutes from a fixed start.</summary>
internal static class Some
{
    public static readonly DateTime Start = new(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public sealed record Row(string Customer, double Minute, string Activity, string? Channel = null, string? Outcome = null,
        float Score = float.NaN, ScoreKind Kind = ScoreKind.None, float Handling = float.NaN, float Waiting = float.NaN, string? Case = null);

    public static EventLog Log(params Row[] rows) => Log(JourneyKey.Customer, rows);

    public static EventLog Log(JourneyKey key, params Row[] rows)
    {
        var b = new EventLogBuilder();
        foreach (var r in rows)
            b.Add(r.Customer, Start.AddMinutes(r.Minute), r.Activity, r.Channel, r.Outcome, r.Score, r.Kind, r.Handling, r.Waiting, r.Case);
        return b.Build(key);
    }

    /// <summary>
    /// An XES log of one trace with one event whose attribute nests <paramref name="levels"/> deep
    /// (<c>&lt;int key="lvl" value="1"&gt;</c> in each other): 10,000 levels make the 310 kB file of issue 9.
    /// </summary>
    public static byte[] DeeplyNestedXes(int levels)
    {
        var xes = new System.Text.StringBuilder("<log><trace><string key=\"concept:name\" value=\"t1\"/><event><string key=\"concept:name\" value=\"a\"/>");
        for (var i = 0; i < levels; i++) xes.Append("<int key=\"lvl\" value=\"1\">");
        for (var i = 0; i < levels; i++) xes.Append("</int>");
        return System.Text.Encoding.UTF8.GetBytes(xes.Append("</event></trace></log>").ToString());
    }

    /// <summary>
    /// A Parquet file (footer only, no row group) whose schema nests <paramref name="levels"/> groups in each other
    /// around one string column "x", written as Thrift compact protocol by hand.
    /// </summary>
    public static byte[] DeeplyNestedParquet(int levels)
    {
        var f = new List<byte> { 0x15, 2 };                             // 1: version = 1
        f.AddRange([0x19, 0xFC]); VarInt(f, levels + 2);                 // 2: schema, a list of levels + 2 elements
        Element(f, "schema", children: 1);
        for (var i = 0; i < levels; i++) Element(f, "g", children: 1);
        f.AddRange([0x15, 12, 0x25, 2, 0x18, 1, (byte)'x', 0]);        // leaf: type BYTE_ARRAY, optional, name "x"
        f.AddRange([0x16, 0, 0x19, 0x0C, 0]);                            // 3: num_rows = 0; 4: row_groups = []
        var length = BitConverter.GetBytes(f.Count);
        return [.. "PAR1"u8, .. f, .. length, .. "PAR1"u8];

        static void Element(List<byte> f, string name, int children)
        {
            f.Add(0x48); VarInt(f, name.Length); f.AddRange(System.Text.Encoding.ASCII.GetBytes(name)); // 4: name
            f.Add(0x15); VarInt(f, children * 2);                                                     // 5: num_children
            f.Add(0);
        }

        static void VarInt(List<byte> f, int n)
        {
            for (; n >= 0x80; n >>= 7) f.Add((byte)(n | 0x80));
            f.Add((byte)n);
        }
    }

    /// <summary>The service log worked by hand in MetricsTests.</summary>
    public static EventLog ServiceLog() => Log(
        new Row("c1", 0, "browse", "web"),
        new Row("c2", 0, "browse", "web"),
        new Row("c3", 0, "browse", "web"),
        new Row("c4", 0, "call", "phone", "resolved", 3, ScoreKind.Nps, Handling: 50),
        new Row("c1", 10, "call", "phone", "unresolved", 2, ScoreKind.Csat, 300, 60),
        new Row("c2", 20, "call", "phone", "resolved", 5, ScoreKind.Csat, 200, 120),
        new Row("c3", 30, "call", "phone", "unresolved", Handling: 100),
        new Row("c3", 40, "call", "phone", "resolved", 9, ScoreKind.Nps, 200),
        new Row("c1", 70, "chat", "chat", "resolved", 4, ScoreKind.Csat, 120, 30));
}
