using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Waymark.Web.Tests.Platform;

/// <summary>
/// The rules of decision 0004 that the compiler does not check: pages never write to the database on their own (they
/// call a use case of Features/), and use cases stay short enough to read in one go.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Web = Path.Combine(RepositoryRoot(), "src", "Waymark.Web");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Waymark.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The tests run outside the repository: Waymark.slnx was not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> SourceFiles(string folder, params string[] patterns) =>
        patterns.SelectMany(p => Directory.EnumerateFiles(folder, p, SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    // SaveChanges, or a DbSet (or the context itself) asked to add, remove, update or attach a row.
    [GeneratedRegex(@"SaveChanges(Async)?\s*\(|\b(db|Db|context)\s*(\.\s*\w+\s*)?\.\s*(Add|AddRange|AddAsync|Remove|RemoveRange|Update|UpdateRange|Attach|ExecuteDelete(Async)?|ExecuteUpdate(Async)?)\s*\(")]
    private static partial Regex DatabaseWrite();

    [Fact]
    public void No_component_writes_to_the_database_itself()
    {
        var components = Path.Combine(Web, "Components");
        var writes = SourceFiles(components, "*.razor", "*.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Web, f), Line: i + 1, Text: line.Trim())))
            .Where(l => DatabaseWrite().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();
        Assert.True(writes.Count == 0, "Pages call a use case of Features/ through UiData.ChangeAsync instead of writing themselves:\n" + string.Join("\n", writes));
    }

    [Fact]
    public void The_rule_finds_a_page_that_saves()
    {
        Assert.Matches(DatabaseWrite(), "await db.SaveChangesAsync();");
        Assert.Matches(DatabaseWrite(), "db.Channels.Add(new Channel(ws, name));");
        Assert.Matches(DatabaseWrite(), "db.Remove(persona);");
        Assert.DoesNotMatch(DatabaseWrite(), "_links.Add($\"touchpoint {name}\");");
        Assert.DoesNotMatch(DatabaseWrite(), "await Data.ChangeAsync(work => DepartmentChanges.CreateAsync(work, ws, r, default));");
    }

    [Fact]
    public void Features_are_short_files_and_no_use_case_or_handler_is_over_60_lines()
    {
        var files = SourceFiles(Path.Combine(Web, "Features"), "*.cs").ToList();
        var lengths = files.Select(f => File.ReadAllLines(f).Length).Order().ToList();
        var median = lengths.Count % 2 == 1 ? lengths[lengths.Count / 2] : (lengths[lengths.Count / 2 - 1] + lengths[lengths.Count / 2]) / 2.0;
        Assert.True(median < 80, $"The median file of Features/ has {median} lines (of {files.Count} files); split the longest by what they do.");

        var tooLong = files.SelectMany(f =>
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f);
            return tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>().Select(m =>
            {
                var span = m.GetLocation().GetLineSpan();
                var name = m is MethodDeclarationSyntax method ? method.Identifier.Text : m.Kind().ToString();
                return (Where: $"{Path.GetRelativePath(Web, f)}:{span.StartLinePosition.Line + 1} {name}", Lines: span.EndLinePosition.Line - span.StartLinePosition.Line + 1);
            });
        }).Where(m => m.Lines > 60).Select(m => $"{m.Where} has {m.Lines} lines").ToList();
        Assert.True(tooLong.Count == 0, "Methods over 60 lines in Features/:\n" + string.Join("\n", tooLong));
    }
}
