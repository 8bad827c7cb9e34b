using System.Text;

namespace Waymark.Web.Tests.Imports;

/// <summary>The sheets a CX team really has: titles above the header, merged header cells, blank rows, German dates and decimal commas, stray spaces.</summary>
public static class MessySheets
{
    static MessySheets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Channels as German Excel saves "CSV UTF-8": byte order mark, semicolons, a title line and a blank line above the header.</summary>
    public static byte[] ChannelsCsv() =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(
            "Kanäle Brightview;;\r\n;;\r\nKanal ;Art;Reichweite\r\nFiliale ;analog;direkt\r\n Brief;Analog;Direkt\r\n;;\r\nTelefon;analog;\r\nWebshop;digital;direkt\r\n")];

    /// <summary>
    /// Touchpoints on the second sheet of a workbook: a merged title, a date line, a header over two rows (a group
    /// header "Zuordnung" merged over Kanal and Kategorie, the others merged down), a blank row, trailing spaces, a
    /// relevance typed as text and one with a decimal comma.
    /// </summary>
    public static byte[] TouchpointsXlsx() => new MessyWorkbook()
        .Sheet("Hinweise").Row(1, "Bitte nur die Tabelle 'Kontaktpunkte' pflegen.")
        .Sheet("Kontaktpunkte")
        .Row(1, new MessyWorkbook.Shared("Touchpoint-Inventar Brightview")).Merge("A1:F1")
        .Row(2, "Stand:", new MessyWorkbook.Day(new DateTime(2026, 12, 31)))
        .Row(4, new MessyWorkbook.Shared("Bezeichnung"), "Zuordnung", null, "Relevanz", "Moment of Truth", "Event-Schlüssel")
        .Merge("A4:A5").Merge("B4:C4").Merge("D4:D5").Merge("E4:E5").Merge("F4:F5")
        .Row(5, null, new MessyWorkbook.Shared("Kanal"), "Kategorie")
        .Row(6, "Filialberatung   ", new MessyWorkbook.Shared("Filiale"), "Beratung", "5", "ja", "store-advice")
        .Row(8, "Rechnung per Post", " Brief ", "Abrechnung", 3, "nein")
        .Row(9, "Hotline", "Telefon", "Kundenservice", "4,0", "x", "support-call")
        .Build();

    /// <summary>Evaluations as CSV from German Excel (Windows-1252, semicolons) with German dates, an Excel serial and a score in words on row 5.</summary>
    public static byte[] EvaluationsCsv(string badScore = "elf") => Encoding.GetEncoding(1252).GetBytes(
        "Touchpoint;Datum;Score;Bewerter;Kommentar\r\n" +
        "Hotline;31.12.2026;7;Jürgen;Wartezeit ok\r\n" +
        "Filialberatung;46387;9;Jürgen;Sehr freundlich – gern wieder\r\n" +
        "Rechnung per Post;2026-12-30;6,0;Ana;\r\n" +
        $"Hotline;30.12.2026;{badScore};Ana;\r\n");

    /// <summary>KPI figures with decimal commas and thousands points, German dates, a text number with spaces.</summary>
    public static byte[] KpiMeasurementsCsv() => Encoding.GetEncoding(1252).GetBytes(
        "Kennzahl;Datum;Wert;Notiz\r\n" +
        "Zufriedenheit Ø;30.11.2026;7,5;Umfrage November\r\n" +
        "Zufriedenheit Ø;31.12.2026; 8,25 ;\r\n" +
        "Anrufe;31.12.2026;1.234,5;\r\n");
}
