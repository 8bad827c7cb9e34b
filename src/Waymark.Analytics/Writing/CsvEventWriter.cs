using System.Globalization;
using System.Text;
using Waymark.Analytics.Model;

namespace Waymark.Analytics.Writing;

/// <summary>
/// CSV with the header the CSV reader maps by default. Fields are quoted when needed, and text a spreadsheet would run
/// as a formula is neutralised, by the one rule of <see cref="CsvCells"/>.
/// </summary>
public sealed class CsvEventWriter : IEventWriter
{
    private readonly TextWriter _w;
    private readonly char[] _buf = new char[64];

    public CsvEventWriter(string path) : this(new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16)) { }

    public CsvEventWriter(TextWriter writer)
    {
        _w = writer;
        _w.Write("customer,case,time,touchpoint,channel,outcome,score,score_kind,duration,waiting\n");
    }

    public void Write(in EventRecord e)
    {
        Text(e.Customer); _w.Write(',');
        Text(e.Case ?? ""); _w.Write(',');
        _w.Write(_buf, 0, EventWriters.FormatTime(e.TimeTicks, _buf)); _w.Write(',');
        Text(e.Activity); _w.Write(',');
        Text(e.Channel); _w.Write(',');
        Text(e.Outcome); _w.Write(',');
        Number(e.Score); _w.Write(',');
        _w.Write(ScoreKinds.Name(e.ScoreKind)); _w.Write(',');
        Number(e.Duration); _w.Write(',');
        Number(e.Waiting); _w.Write('\n');
    }

    private void Number(float v)
    {
        if (float.IsNaN(v)) return;
        v.TryFormat(_buf, out var n, "R", CultureInfo.InvariantCulture);
        _w.Write(_buf, 0, n);
    }

    private void Text(string s)
    {
        if (!CsvCells.IsFormula(s) && s.AsSpan().IndexOfAny(",\"\n\r") < 0) _w.Write(s);
        else _w.Write(CsvCells.Append(new StringBuilder(), s));
    }

    public void Dispose() => _w.Dispose();
}
