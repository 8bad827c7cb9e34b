using System.Text;
using System.Text.Json;

namespace Waymark.Storage.Exchange;

/// <summary>
/// The line on which each value of a JSON text starts, by path (<c>touchpoints[3].relevance</c>), so an import
/// error found after parsing can still say where in the file it is.
/// </summary>
public static class JsonLines
{
    public static IReadOnlyDictionary<string, long> Index(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var lines = new Dictionary<string, long>();
        var newlines = new List<long>();
        for (var i = 0; i < bytes.Length; i++) if (bytes[i] == (byte)'\n') newlines.Add(i);
        long LineOf(long offset)
        {
            var index = newlines.BinarySearch(offset);
            return (index < 0 ? ~index : index) + 1;
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new Stack<Frame>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        lines.TryAdd(Join(path, property), LineOf(reader.TokenStartIndex));
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var here = Enter(path, property);
                        lines.TryAdd(here, LineOf(reader.TokenStartIndex));
                        path.Push(new Frame(here, reader.TokenType == JsonTokenType.StartArray));
                        property = null;
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.Pop();
                        property = null;
                        continue;
                    default:
                        lines.TryAdd(Enter(path, property), LineOf(reader.TokenStartIndex));
                        property = null;
                        continue;
                }
            }
        }
        catch (JsonException)
        {
            // A broken text is reported by the parser itself; the lines found so far still help.
        }
        return lines;
    }

    /// <summary>The line of the path, or of the nearest enclosing value that has one.</summary>
    public static long? LineOf(IReadOnlyDictionary<string, long> lines, string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
            if (lines.TryGetValue(p, out var line)) return line;
        return null;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int Next { get; set; }
    }

    private static string Enter(Stack<Frame> path, string? property)
    {
        if (path.Count == 0) return "$";
        var parent = path.Peek();
        if (parent.IsArray) return $"{Prefix(parent.Path)}[{parent.Next++}]";
        return Join(path, property);
    }

    private static string Join(Stack<Frame> path, string? property)
    {
        var parent = path.Count == 0 ? "$" : path.Peek().Path;
        var name = property is null ? "" : char.ToLowerInvariant(property[0]) + property[1..];
        var prefix = Prefix(parent);
        return prefix.Length == 0 ? name : $"{prefix}.{name}";
    }

    private static string Prefix(string parent) => parent == "$" ? "" : parent;
}
