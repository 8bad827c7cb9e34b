using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Storage;

namespace Waymark.Cli.Tests;

/// <summary><c>waymark import-sheet</c>: a German Excel CSV in, problems by row and column, all or nothing, the same file twice updates.</summary>
public sealed class ImportSheetCommandTests
{
    static ImportSheetCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static async Task<List<string>> TouchpointsAsync(string db, string channel)
    {
        await using var context = StorageSetup.CreateDb(new StorageOptions { SqliteFile = db });
        var ws = await context.Workspaces.SingleAsync(w => w.Key == "demo");
        var channelId = await context.Channels.Where(c => c.WorkspaceId == ws.Id && c.Name == channel).Select(c => c.Id).SingleOrDefaultAsync();
        return await context.Touchpoints.Where(t => t.WorkspaceId == ws.Id && t.ChannelId == channelId).OrderBy(t => t.Name).Select(t => t.Name + " " + t.Relevance).ToListAsync();
    }

    [Fact]
    public async Task A_sheet_with_a_bad_row_changes_nothing_and_names_the_row_and_column_then_imports_once_corrected()
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");
        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "demo", "--no-events", "--db", db)).ExitCode);
        var channels = scratch.File("kanäle.csv");
        await File.WriteAllBytesAsync(channels, Encoding.GetEncoding(1252).GetBytes("Kanal;Art\r\nKiosk am Bahnhof ;analog\r\n;\r\nMessestand;Analog\r\n"));
        var imported = await WaymarkProcess.RunAsync(scratch.Path, "import-sheet", channels, "--workspace", "demo", "--kind", "channels", "--db", db);
        Assert.True(imported.ExitCode == 0, imported.Errors);
        Assert.Contains("kanäle.csv: 2 new and 0 updated channels imported into 'demo'.", imported.Output);

        var bad = scratch.File("tp.csv");
        await File.WriteAllBytesAsync(bad, Encoding.GetEncoding(1252).GetBytes(
            "Touchpoints am Bahnhof;;;\r\nName;Wo;Kategorie;Relevanz\r\nKiosk-Beratung;Kiosk am Bahnhof;Beratung;4\r\nZeitschriftenregal;Kiosk am Bahnhof;Katalog;sechs\r\n"));
        var refused = await WaymarkProcess.RunAsync(scratch.Path, "import-sheet", bad, "--workspace", "demo", "--kind", "touchpoints", "--map", "channel=Wo", "--db", db);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("tp.csv: row 4, column 'Relevanz': 'sechs' is not a number from 1 to 5.", refused.Errors);
        Assert.Contains("tp.csv: nothing was imported.", refused.Errors);
        Assert.Empty(await TouchpointsAsync(db, "Kiosk am Bahnhof"));

        var good = scratch.File("tp2.csv");
        await File.WriteAllBytesAsync(good, Encoding.GetEncoding(1252).GetBytes(
            "Name;Wo;Kategorie;Relevanz\r\nKiosk-Beratung;Kiosk am Bahnhof;Beratung;4\r\nZeitschriftenregal;Kiosk am Bahnhof;Katalog;2,0\r\n"));
        var dry = await WaymarkProcess.RunAsync(scratch.Path, "import-sheet", good, "--workspace", "demo", "--kind", "touchpoints", "--map", "channel=Wo", "--dry-run", "--db", db);
        Assert.True(dry.ExitCode == 0, dry.Errors);
        Assert.Contains("tp2.csv: row 2: new: name=Kiosk-Beratung, channel=Kiosk am Bahnhof", dry.Output);
        Assert.Empty(await TouchpointsAsync(db, "Kiosk am Bahnhof"));

        Assert.Equal(0, (await WaymarkProcess.RunAsync(scratch.Path, "import-sheet", good, "--workspace", "demo", "--kind", "touchpoints", "--map", "channel=Wo", "--db", db)).ExitCode);
        // The mapping is remembered: the second import needs no --map, and updates rather than duplicates.
        var again = await WaymarkProcess.RunAsync(scratch.Path, "import-sheet", good, "--workspace", "demo", "--kind", "touchpoints", "--db", db);
        Assert.True(again.ExitCode == 0, again.Errors);
        Assert.Contains("0 new and 2 updated touchpoints", again.Output);
        Assert.Equal(["Kiosk-Beratung 4", "Zeitschriftenregal 2"], await TouchpointsAsync(db, "Kiosk am Bahnhof"));
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_naming_the_kinds()
    {
        using var scratch = new Scratch();
        var db = scratch.File("w.db");
        var file = scratch.File("x.csv");
        await File.WriteAllTextAsync(file, "Name\nA\n");
        var refused = await WaymarkProcess.RunAsync(scratch.Path, "import-sheet", file, "--workspace", "demo", "--kind", "wishes", "--db", db);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("touchpoints, personas, channels, departments, people, evaluations, kpi-measurements", refused.Errors);
    }
}
