using System.Globalization;
using System.Numerics;

namespace Waymark.Analytics.Reading;

/// <summary>
/// Parses ISO 8601 timestamps without allocating: <c>yyyy-MM-dd[T| ]HH:mm[:ss[.fffffff]][Z|±HH[:]mm]</c> or a date alone.
/// Times without an offset are taken in <see cref="DefaultZone"/> (UTC unless set). The result is UTC ticks.
/// </summary>
internal sealed class TimestampParser
{
    private readonly string? _format;

    public TimestampParser(string? format = null, string? timeZone = null)
    {
        _format = format;
        DefaultZone = timeZone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        if (DefaultZone is not null && DefaultZone.BaseUtcOffset == TimeSpan.Zero && !DefaultZone.SupportsDaylightSavingTime) DefaultZone = null;
    }

    public TimeZoneInfo? DefaultZone { get; }

    /// <summary>Whether times follow a format of their own; the UTF-8 overload reads ISO 8601 only.</summary>
    public bool HasFormat => _format is not null;

    public bool TryParse(ReadOnlySpan<char> text, out long utcTicks)
    {
        if (_format is not null)
        {
            utcTicks = 0;
            if (!DateTime.TryParseExact(text, _format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt)) return false;
            if (dt.Kind == DateTimeKind.Local) dt = dt.ToUniversalTime();
            else if (dt.Kind == DateTimeKind.Unspecified) dt = DefaultZone is null ? dt : TimeZoneInfo.ConvertTimeToUtc(dt, DefaultZone);
            utcTicks = dt.Ticks;
            return true;
        }
        return TryParseIso(text.Trim(), out utcTicks);
    }

    public bool TryParse(ReadOnlySpan<byte> text, out long utcTicks) => TryParseIso(text, out utcTicks);

    private bool TryParseIso<T>(ReadOnlySpan<T> s, out long utcTicks) where T : unmanaged, IBinaryInteger<T>
    {
        utcTicks = 0;
        if (s.Length < 10) return false;
        if (!Digits(s, 0, 4, out var year) || C(s, 4) != '-' || !Digits(s, 5, 2, out var month) || C(s, 7) != '-' || !Digits(s, 8, 2, out var day))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        var p = 10;
        var hasTime = false;
        if (p < s.Length && (C(s, p) == 'T' || C(s, p) == ' ' || C(s, p) == 't'))
        {
            hasTime = true;
            if (!Digits(s, p + 1, 2, out hour) || C(s, p + 3) != ':' || !Digits(s, p + 4, 2, out minute)) return false;
            p += 6;
            if (p < s.Length && C(s, p) == ':')
            {
                if (!Digits(s, p + 1, 2, out second)) return false;
                p += 3;
                if (p < s.Length && (C(s, p) == '.' || C(s, p) == ','))
                {
                    p++;
                    var start = p;
                    long scale = 1_000_000;
                    while (p < s.Length && (uint)(C(s, p) - '0') <= 9)
                    {
                        if (scale > 0) { fraction += (C(s, p) - '0') * scale; scale /= 10; }
                        p++;
                    }
                    if (p == start) return false;
                }
            }
            if (hour > 24 || minute > 59 || second > 60) return false;
        }
        var hasOffset = false;
        var offsetMinutes = 0;
        if (p < s.Length)
        {
            var c = C(s, p);
            if (c is 'Z' or 'z')
            {
                hasOffset = true;
                p++;
            }
            else if (c is '+' or '-')
            {
                if (!hasTime) return false;
                var sign = c == '-' ? -1 : 1;
                if (!Digits(s, p + 1, 2, out var oh)) return false;
                p += 3;
                var om = 0;
                if (p < s.Length && C(s, p) == ':') p++;
                if (p < s.Length)
                {
                    if (!Digits(s, p, 2, out om)) return false;
                    p += 2;
                }
                if (oh > 18 || om > 59) return false;
                hasOffset = true;
                offsetMinutes = sign * (oh * 60 + om);
            }
            if (p != s.Length) return false;
        }
        var ticks = new DateTime(year, month, day).Ticks
                    + hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute + second * TimeSpan.TicksPerSecond + fraction;
        if (hasOffset) ticks -= offsetMinutes * TimeSpan.TicksPerMinute;
        else if (DefaultZone is not null)
        {
            ticks = TimeZoneInfo.ConvertTimeToUtc(new DateTime(ticks, DateTimeKind.Unspecified), DefaultZone).Ticks;
        }
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks) return false;
        utcTicks = ticks;
        return true;
    }

    private static int C<T>(ReadOnlySpan<T> s, int i) where T : unmanaged, IBinaryInteger<T> =>
        i < s.Length ? int.CreateTruncating(s[i]) : -1;

    private static bool Digits<T>(ReadOnlySpan<T> s, int at, int count, out int value) where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        if (at + count > s.Length) return false;
        for (var i = at; i < at + count; i++)
        {
            var d = int.CreateTruncating(s[i]) - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }
}
