namespace Waymark.Web.Features.Printing;

/// <summary>The paper a map or report is printed on.</summary>
public enum Paper { A4, A3, A2, A1, A0, Letter, Tabloid }

public enum PaperOrientation { Portrait, Landscape }

/// <summary>A page's size in PDF points (1/72 inch), as printers and PDF readers give it.</summary>
public readonly record struct PageSize(double Width, double Height)
{
    /// <summary>ISO 216 sizes rounded to whole points, as PDF software writes them; Letter and Tabloid are whole inches.</summary>
    public static PageSize Of(Paper paper, PaperOrientation orientation = PaperOrientation.Portrait)
    {
        var portrait = paper switch
        {
            Paper.A4 => new PageSize(595, 842),
            Paper.A3 => new PageSize(842, 1191),
            Paper.A2 => new PageSize(1191, 1684),
            Paper.A1 => new PageSize(1684, 2384),
            Paper.A0 => new PageSize(2384, 3370),
            Paper.Letter => new PageSize(612, 792),
            Paper.Tabloid => new PageSize(792, 1224),
            _ => throw new ArgumentOutOfRangeException(nameof(paper)),
        };
        return orientation == PaperOrientation.Landscape ? new PageSize(portrait.Height, portrait.Width) : portrait;
    }

    /// <summary>Points in a millimetre.</summary>
    public const double Millimetre = 72 / 25.4;
}

/// <summary>Where a picture sits on a page: scaled by <see cref="Scale"/> with its top left corner at <see cref="X"/>, <see cref="Y"/> (points).</summary>
public readonly record struct Placement(double Scale, double X, double Y)
{
    /// <summary>The picture as large as it fits within the page's margins, centred.</summary>
    public static Placement Fit(double width, double height, PageSize page, double margin)
    {
        var scale = Math.Min((page.Width - 2 * margin) / width, (page.Height - 2 * margin) / height);
        return new Placement(scale, (page.Width - width * scale) / 2, (page.Height - height * scale) / 2);
    }
}
