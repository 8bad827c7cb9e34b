using System.Globalization;
using System.Security;
using System.Text;
using Waymark.Analytics.Model;

namespace Waymark.Analytics.Writing;

/// <summary>XES 1849-2016: one trace per customer (or case, when the events carry one); consecutive events of the same trace go together.</summary>
public sealed class XesEventWriter : IEventWriter
{
    private readonly TextWriter _w;
    private string? _trace;
    private readonly char[] _buf = new char[40];

    public XesEventWriter(string path) : this(new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16)) { }

    public XesEventWriter(TextWriter writer)
    {
        _w = writer;
        _w.Write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">
              <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
              <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
              <classifier name="Activity" keys="concept:name"/>

            """);
    }

    public void Write(in EventRecord e)
    {
        var trace = e.Case ?? e.Customer;
        if (trace != _trace)
        {
            if (_trace is not null) _w.Write("  </trace>\n");
            _trace = trace;
            _w.Write("  <trace>\n");
            Attr("    ", "string", "concept:name", trace);
            if (e.Case is not null) Attr("    ", "string", "customer", e.Customer);
        }
        _w.Write("    <event>\n");
        Attr("      ", "string", "concept:name", e.Activity);
        _w.Write("      <date key=\"time:timestamp\" value=\"");
        _w.Write(_buf, 0, EventWriters.FormatTime(e.TimeTicks, _buf));
        _w.Write("\"/>\n");
        if (e.Channel.Length > 0) Attr("      ", "string", "channel", e.Channel);
        if (e.Outcome.Length > 0) Attr("      ", "string", "outcome", e.Outcome);
        if (!float.IsNaN(e.Score))
        {
            Attr("      ", "float", "score", e.Score.ToString("R", CultureInfo.InvariantCulture));
            Attr("      ", "string", "scoreKind", ScoreKinds.Name(e.ScoreKind));
        }
        if (!float.IsNaN(e.Duration)) Attr("      ", "float", "duration", e.Duration.ToString("R", CultureInfo.InvariantCulture));
        if (!float.IsNaN(e.Waiting)) Attr("      ", "float", "waiting", e.Waiting.ToString("R", CultureInfo.InvariantCulture));
        _w.Write("    </event>\n");
    }

    private void Attr(string indent, string type, string key, string value)
    {
        _w.Write(indent);
        _w.Write('<'); _w.Write(type); _w.Write(" key=\""); _w.Write(key); _w.Write("\" value=\"");
        _w.Write(value.AsSpan().IndexOfAny("<>&\"'") < 0 ? value : SecurityElement.Escape(value));
        _w.Write("\"/>\n");
    }

    public void Dispose()
    {
        if (_trace is not null) _w.Write("  </trace>\n");
        _w.Write("</log>\n");
        _w.Dispose();
    }
}
