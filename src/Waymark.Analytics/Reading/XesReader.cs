using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Waymark.Analytics.Model;

namespace Waymark.Analytics.Reading;

/// <summary>
/// Reads IEEE 1849 XES (.xes and .xes.gz) with a byte-level scanner. A trace is a case; its <c>concept:name</c> names the
/// case and, unless the trace has a <c>customer</c> attribute, the customer. Event <c>concept:name</c>,
/// <c>lifecycle:transition</c> and <c>time:timestamp</c> make the activity and time; <c>channel</c>, <c>outcome</c>,
/// <c>score</c>, <c>scoreKind</c>, <c>duration</c> and <c>waiting</c> fill the other columns; every other event attribute
/// (nested ones as <c>parent/child</c>) and every trace attribute (as <c>case:key</c>) is kept as a free attribute.
/// Typed values are checked: a wrong int, float, boolean, date or id stops the read with its line, trace and event.
/// </summary>
public static class XesReader
{
    public static EventLog Read(string path, ReadOptions? options = null)
    {
        options ??= new ReadOptions();
        using var input = EventLogFiles.Open(path);
        return Read(input, options with { SourceName = options.SourceName ?? Path.GetFileName(path) });
    }

    public static EventLog Read(Stream stream, ReadOptions options, long totalBytes = 0) =>
        Read(EventLogFiles.Wrap(stream, totalBytes), options);

    internal static EventLog Read(InputFile input, ReadOptions options)
    {
        var parser = new XesParser(input, options);
        return parser.Run();
    }
}

internal sealed class XesParser
{
    private enum Scope { Log, Trace, Event }

    private readonly XmlScanner _x;
    private readonly InputFile _input;
    private readonly ReadOptions _options;
    private readonly EventLogBuilder _b = new();
    private readonly TimestampParser _time = new();
    private readonly string _file;
    private int _traceIndex, _eventIndex;
    private long _logLevelEvents, _keylessAttributes, _untypedBadTimestamps;

    // The event being read.
    private byte[] _name = new byte[256];
    private int _nameLen;
    private bool _hasName;
    private byte[] _life = new byte[64];
    private int _lifeLen;
    private bool _hasTime;
    private long _ticks;
    private int _channel, _outcome;
    private float _score, _duration, _waiting;
    private ScoreKind _scoreKind;
    private readonly List<(int Key, int Value)> _eventAttrs = [];
    private readonly List<(int Key, int Value)> _traceAttrs = [];
    private int _traceName, _traceCustomer;
    private readonly byte[] _keyScratch = new byte[512];

    public XesParser(InputFile input, ReadOptions options)
    {
        _input = input;
        _options = options;
        _file = options.SourceName ?? "xes";
        _x = new XmlScanner(input.Stream, _file);
    }

    public EventLog Run()
    {
        _x.Next();
        if (_x.Kind == XmlTokenKind.EndOfFile) throw new EventLogFormatException(_file, "line 1", null, "the file holds no <log> element: it is not an XES log");
        if (_x.Kind != XmlTokenKind.StartElement || !_x.LocalName.SequenceEqual("log"u8))
            throw _x.Error($"the root element is <{_x.LocalNameString}>, not <log>: it is not an XES log");
        if (!_x.SelfClosing)
        {
            while (true)
            {
                _x.Next();
                if (_x.Kind == XmlTokenKind.EndOfFile) throw _x.Error("the file ends before </log>");
                if (_x.Kind == XmlTokenKind.EndElement)
                {
                    if (_x.LocalName.SequenceEqual("log"u8)) break;
                    throw _x.Error($"unexpected </{_x.LocalNameString}> in <log>");
                }
                var name = _x.LocalName;
                if (name.SequenceEqual("trace"u8)) ReadTrace();
                else if (name.SequenceEqual("event"u8))
                {
                    // The standard allows events outside traces; they belong to no case, so they cannot form a journey.
                    ReadEvent(keep: false);
                    _logLevelEvents++;
                }
                else if (name.SequenceEqual("extension"u8) || name.SequenceEqual("global"u8) || name.SequenceEqual("classifier"u8)) SkipElement();
                else if (IsAttribute(name)) ReadAttribute(Scope.Log, default, 1);
                else throw _x.Error($"unexpected element <{_x.LocalNameString}> in <log>");
            }
        }
        if (_logLevelEvents > 0) _b.Warnings.Add($"{_file}: {_logLevelEvents} event(s) outside any trace were ignored (no case to place them in).");
        if (_keylessAttributes > 0) _b.Warnings.Add($"{_file}: {_keylessAttributes} attribute(s) without a key were ignored.");
        if (_untypedBadTimestamps > 0) _b.Warnings.Add($"{_file}: {_untypedBadTimestamps} time:timestamp string(s) held no date and were taken as missing.");
        _options.Progress?.Invoke(new ReadProgress(_b.Count, _input.Position(), _input.Total));
        return _b.Build(_options.JourneyKey);
    }

    private enum AttrType : byte { None, String, Date, Int, Float, Boolean, Id, List, Container }

    /// <summary>Classifies an element name by length and first byte before comparing (this runs for every attribute).</summary>
    private static AttrType TypeOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        6 when name[0] == (byte)'s' && name.SequenceEqual("string"u8) => AttrType.String,
        4 when name[0] == (byte)'d' && name.SequenceEqual("date"u8) => AttrType.Date,
        3 when name.SequenceEqual("int"u8) => AttrType.Int,
        5 when name.SequenceEqual("float"u8) => AttrType.Float,
        7 when name.SequenceEqual("boolean"u8) => AttrType.Boolean,
        2 when name.SequenceEqual("id"u8) => AttrType.Id,
        4 when name[0] == (byte)'l' && name.SequenceEqual("list"u8) => AttrType.List,
        9 when name.SequenceEqual("container"u8) => AttrType.Container,
        _ => AttrType.None,
    };

    private static bool IsAttribute(ReadOnlySpan<byte> name) => TypeOf(name) != AttrType.None;

    private string Where(string? field = null) =>
        _eventIndex > 0 ? $"trace {_traceIndex}, event {_eventIndex} (line {_x.Line})"
        : _traceIndex > 0 ? $"trace {_traceIndex} (line {_x.Line})" : $"line {_x.Line}";

    private EventLogFormatException Error(string problem, string? field = null) => new(_file, Where(), field, problem);

    private void SkipElement()
    {
        if (_x.SelfClosing) return;
        var depth = 1;
        while (depth > 0)
        {
            _x.Next();
            if (_x.Kind == XmlTokenKind.EndOfFile) throw Error("the file ends inside an element");
            if (_x.Kind == XmlTokenKind.StartElement) { if (!_x.SelfClosing) depth++; }
            else depth--;
        }
    }

    private void ReadTrace()
    {
        _traceIndex++;
        _eventIndex = 0;
        _traceName = -1;
        _traceCustomer = -1;
        _traceAttrs.Clear();
        var first = _b.Count;
        if (!_x.SelfClosing)
        {
            while (true)
            {
                _x.Next();
                if (_x.Kind == XmlTokenKind.EndOfFile) throw Error("the file ends inside a <trace>");
                if (_x.Kind == XmlTokenKind.EndElement)
                {
                    if (_x.LocalName.SequenceEqual("trace"u8)) break;
                    throw Error($"unexpected </{_x.LocalNameString}> in <trace>");
                }
                var name = _x.LocalName;
                if (name.SequenceEqual("event"u8)) ReadEvent(keep: true);
                else if (IsAttribute(name)) ReadAttribute(Scope.Trace, default, 1);
                else throw Error($"unexpected element <{_x.LocalNameString}> in <trace>");
            }
        }
        _eventIndex = 0;
        if (_b.Count == first) return;
        var caseId = _traceName >= 0 ? _traceName : _b.Pools.Cases.GetOrAdd($"trace {_traceIndex}");
        var customer = _traceCustomer >= 0 ? _traceCustomer : _b.Pools.Customers.GetOrAdd(_b.Pools.Cases[caseId]);
        for (var i = first; i < _b.Count; i++)
        {
            _b.SetCustomer(i, customer);
            _b.SetCase(i, caseId);
            foreach (var (k, v) in _traceAttrs) _b.SetAttribute(i, k, v);
        }
        if (_options.Progress is not null && (_traceIndex & 0x3FF) == 0)
            _options.Progress(new ReadProgress(_b.Count, _input.Position(), _input.Total));
    }

    private void ReadEvent(bool keep)
    {
        _eventIndex++;
        _hasName = false;
        _nameLen = 0;
        _lifeLen = 0;
        _hasTime = false;
        _channel = -1;
        _outcome = -1;
        _score = _duration = _waiting = float.NaN;
        _scoreKind = ScoreKind.Csat;
        _eventAttrs.Clear();
        if (!_x.SelfClosing)
        {
            while (true)
            {
                _x.Next();
                if (_x.Kind == XmlTokenKind.EndOfFile) throw Error("the file ends inside an <event>");
                if (_x.Kind == XmlTokenKind.EndElement)
                {
                    if (_x.LocalName.SequenceEqual("event"u8)) break;
                    throw Error($"unexpected </{_x.LocalNameString}> in <event>");
                }
                if (IsAttribute(_x.LocalName)) ReadAttribute(Scope.Event, default, 1);
                else throw Error($"unexpected element <{_x.LocalNameString}> in <event>");
            }
        }
        if (!keep) return;
        int activity;
        if (!_hasName) activity = _b.Pools.Activities.GetOrAdd("");
        else if (_options.Classifier == ActivityClassifier.NameAndLifecycle && _lifeLen > 0)
        {
            var need = _nameLen + 1 + _lifeLen;
            if (_name.Length < need) Array.Resize(ref _name, need * 2);
            _name[_nameLen] = (byte)'+';
            _life.AsSpan(0, _lifeLen).CopyTo(_name.AsSpan(_nameLen + 1));
            activity = _b.Pools.Activities.GetOrAddUtf8(_name.AsSpan(0, need));
        }
        else activity = _b.Pools.Activities.GetOrAddUtf8(_name.AsSpan(0, _nameLen));
        // An event without a timestamp takes the previous event's time in its trace, so it keeps its place.
        long ticks = _hasTime ? _ticks : (_eventIndex > 1 && _b.Count > 0 ? _lastTicks : 0);
        _lastTicks = ticks;
        var index = _b.Add(0, -1, ticks, activity, _channel, _outcome, _score, _scoreKind, _duration, _waiting);
        foreach (var (k, v) in _eventAttrs) _b.SetAttribute(index, k, v);
    }

    private long _lastTicks;

    /// <summary>
    /// How deep attributes may nest. Real logs nest a few levels; each level is a call with its own stack frame, so a
    /// file nesting thousands deep would overflow the stack and take the whole process down.
    /// </summary>
    internal const int MaxNesting = 100;

    /// <summary>Reads one typed attribute (and its nested children); checks the value against its type.</summary>
    private void ReadAttribute(Scope scope, ReadOnlySpan<byte> prefix, int depth)
    {
        var type = TypeOf(_x.LocalName);
        var isString = type == AttrType.String;
        var isDate = type == AttrType.Date;
        var isInt = type == AttrType.Int;
        var isFloat = type == AttrType.Float;
        var isBool = type == AttrType.Boolean;
        var isId = type == AttrType.Id;
        var isList = type == AttrType.List;
        var isContainer = type == AttrType.Container;
        var typeName = isString ? "string" : isDate ? "date" : isInt ? "int" : isFloat ? "float" : isBool ? "boolean" : isId ? "id" : isList ? "list" : "container";
        if (!_x.TryGetAttribute("key"u8, out var keyBytes))
        {
            // Lenient: OpenXES writes keyless values in log metadata (e.g. bpic2012); they cannot be addressed, so skip them.
            _keylessAttributes++;
            SkipElement();
            return;
        }
        // Build the (possibly nested) key in scratch space: it must survive the next token.
        var keyLen = prefix.Length + keyBytes.Length;
        Span<byte> key = keyLen <= _keyScratch.Length ? _keyScratch.AsSpan(0, keyLen) : new byte[keyLen];
        prefix.CopyTo(key);
        keyBytes.CopyTo(key[prefix.Length..]);

        if (!isList && !isContainer)
        {
            if (!_x.TryGetAttribute("value"u8, out var value)) throw Error($"the <{typeName}> attribute has no value", Encoding.UTF8.GetString(key));
            long dateTicks = 0;
            if (isDate)
            {
                if (!_time.TryParse(value, out dateTicks)) throw Error($"'{Encoding.UTF8.GetString(value)}' is not a valid date (xs:dateTime)", Encoding.UTF8.GetString(key));
            }
            else if (isInt)
            {
                if (!Utf8Parser.TryParse(value, out long _, out var consumed) || consumed != value.Length)
                    throw Error($"'{Encoding.UTF8.GetString(value)}' is not a valid int", Encoding.UTF8.GetString(key));
            }
            else if (isFloat)
            {
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !IsSpecialFloat(value))
                    throw Error($"'{Encoding.UTF8.GetString(value)}' is not a valid float", Encoding.UTF8.GetString(key));
            }
            else if (isBool)
            {
                if (!(Ascii.EqualsIgnoreCase(value, "true"u8) || Ascii.EqualsIgnoreCase(value, "false"u8) || value.SequenceEqual("1"u8) || value.SequenceEqual("0"u8)))
                    throw Error($"'{Encoding.UTF8.GetString(value)}' is not a valid boolean (true or false)", Encoding.UTF8.GetString(key));
            }
            else if (isId)
            {
                if (!Guid.TryParse(Encoding.UTF8.GetString(value), out _))
                    throw Error($"'{Encoding.UTF8.GetString(value)}' is not a valid id (a UUID)", Encoding.UTF8.GetString(key));
            }
            Store(scope, prefix, key, value, isDate, dateTicks);
        }
        if (_x.SelfClosing) return;

        // Nested attributes (XES 'nested-attributes' feature), list values, or container children.
        Span<byte> childPrefix = stackalloc byte[Math.Min(key.Length + 1, 512)];
        var childPrefixLen = Math.Min(key.Length, 511);
        key[..childPrefixLen].CopyTo(childPrefix);
        childPrefix[childPrefixLen] = (byte)'/';
        var typeEnd = typeName;
        while (true)
        {
            _x.Next();
            if (_x.Kind == XmlTokenKind.EndOfFile) throw Error("the file ends inside an attribute");
            if (_x.Kind == XmlTokenKind.EndElement)
            {
                if (_x.LocalName.SequenceEqual("values"u8)) continue; // closes a list's <values>
                if (Encoding.UTF8.GetString(_x.LocalName) == typeEnd) return;
                throw Error($"unexpected </{_x.LocalNameString}> in <{typeEnd}>");
            }
            var name = _x.LocalName;
            if (name.SequenceEqual("values"u8))
            {
                if (!isList) throw Error($"<values> is only allowed in a <list>, found in <{typeEnd}>");
                continue;
            }
            // Children are kept under parent/child keys in the parent's scope.
            if (!IsAttribute(name)) throw Error($"unexpected element <{_x.LocalNameString}> in <{typeEnd}>");
            if (depth == MaxNesting)
                throw Error($"attributes are nested more than {MaxNesting} levels deep (XES logs nest a few); the file cannot be read", Outermost(childPrefix));
            ReadAttribute(scope, childPrefix[..(childPrefixLen + 1)], depth + 1);
        }
    }

    /// <summary>The outermost key of a nested key (parent/child/…), to name the attribute in an error.</summary>
    private static string Outermost(ReadOnlySpan<byte> nestedKey)
    {
        var slash = nestedKey.IndexOf((byte)'/');
        return Encoding.UTF8.GetString(slash < 0 ? nestedKey : nestedKey[..slash]);
    }

    private static bool IsSpecialFloat(ReadOnlySpan<byte> v) =>
        v.SequenceEqual("NaN"u8) || v.SequenceEqual("INF"u8) || v.SequenceEqual("-INF"u8);

    private void Store(Scope scope, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, bool isDate, long dateTicks)
    {
        var pools = _b.Pools;
        if (scope == Scope.Log) return;
        if (scope == Scope.Trace)
        {
            if (!prefix.IsEmpty) goto keepTrace;
            if (key.SequenceEqual("concept:name"u8)) { _traceName = pools.Cases.GetOrAddUtf8(value); return; }
            if (key.SequenceEqual("customer"u8)) { _traceCustomer = pools.Customers.GetOrAddUtf8(value); return; }
            keepTrace:
            if (!_options.KeepAttributes) return;
            Span<byte> k = stackalloc byte[key.Length + 5];
            "case:"u8.CopyTo(k);
            key.CopyTo(k[5..]);
            _traceAttrs.Add((pools.AttributeKeys.GetOrAddUtf8(k), pools.AttributeValues.GetOrAddUtf8(value)));
            return;
        }
        if (scope == Scope.Event && prefix.IsEmpty && key.Length is 5 or 7 or 8 or 9 or 10 or 12 or 14 or 20)
        {
            if (key.SequenceEqual("concept:name"u8))
            {
                if (_name.Length < value.Length + 1) _name = new byte[value.Length * 2 + 2];
                value.CopyTo(_name);
                _nameLen = value.Length;
                _hasName = true;
                return;
            }
            if (key.SequenceEqual("lifecycle:transition"u8))
            {
                if (_life.Length < value.Length) _life = new byte[value.Length * 2];
                value.CopyTo(_life);
                _lifeLen = value.Length;
                return;
            }
            if (key.SequenceEqual("time:timestamp"u8))
            {
                if (isDate) _ticks = dateTicks;
                else if (!_time.TryParse(value, out _ticks))
                {
                    // Lenient: a timestamp typed as a string that holds no date (e.g. "?") counts as missing.
                    _untypedBadTimestamps++;
                    return;
                }
                _hasTime = true;
                return;
            }
            if (key.SequenceEqual("channel"u8)) { _channel = pools.Channels.GetOrAddUtf8(value); return; }
            if (key.SequenceEqual("outcome"u8)) { _outcome = pools.Outcomes.GetOrAddUtf8(value); return; }
            if (key.SequenceEqual("score"u8)) { _score = ParseFloat(value, "score"); return; }
            if (key.SequenceEqual("duration"u8)) { _duration = ParseFloat(value, "duration"); return; }
            if (key.SequenceEqual("waiting"u8)) { _waiting = ParseFloat(value, "waiting"); return; }
            if (key.SequenceEqual("scoreKind"u8) || key.SequenceEqual("score_kind"u8))
            {
                Span<char> kindChars = stackalloc char[16];
                var kindText = value.Length <= 16 ? kindChars[..Encoding.UTF8.GetChars(value, kindChars)] : Encoding.UTF8.GetString(value).AsSpan();
                if (!ScoreKinds.TryParse(kindText, out _scoreKind)) throw Error($"'{Encoding.UTF8.GetString(value)}' is not csat, nps or ces", "scoreKind");
                return;
            }
        }
        if (!_options.KeepAttributes) return;
        _eventAttrs.Add((pools.AttributeKeys.GetOrAddUtf8(key), pools.AttributeValues.GetOrAddUtf8(value)));
    }

    private float ParseFloat(ReadOnlySpan<byte> value, string field)
    {
        if (!float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) || !float.IsFinite(f))
            throw Error($"'{Encoding.UTF8.GetString(value)}' is not a number", field);
        return f;
    }
}
