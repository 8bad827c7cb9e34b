using System.Globalization;
using System.Text;

namespace Waymark.IngestBenchmark;

/// <summary>
/// NDJSON batches as a contact-centre platform and a shop would send them: every event has an id, a customer out of
/// 200,000, a time (the feed moves forward a few seconds per event), a touchpoint and its channel, a case; assisted
/// channels add an agent and handling and waiting seconds, some events an outcome, survey answers a score, some an
/// attribute of their own. Deterministic for a given seed.
/// </summary>
internal static class EventBatches
{
    private static readonly (string Touchpoint, string Channel, bool Assisted)[] Touchpoints =
    [
        ("product page", "web", false), ("search", "web", false), ("add to basket", "web", false), ("checkout", "web", false),
        ("order confirmation", "email", false), ("delivery notice", "sms", false), ("app login", "app", false),
        ("order status", "app", false), ("support call", "phone", true), ("callback", "phone", true),
        ("chat with agent", "chat", true), ("whatsapp question", "whatsapp", true), ("store visit", "store", true),
        ("installation", "field service", true), ("complaint", "email", true), ("review", "review portal", false),
        ("return request", "web", false), ("invoice question", "phone", true), ("newsletter click", "email", false),
        ("social mention", "social", false),
    ];

    private static readonly string[] Outcomes = ["resolved", "unresolved", "escalated", "purchased", "abandoned"];
    private static readonly string[] Campaigns = ["spring-sale", "black-friday", "loyalty", "tv-ad", "none"];

    /// <summary>One batch; event ids are <c>{prefix}-{batch}-{index}</c>.</summary>
    public static byte[] Make(string prefix, int batch, int size, DateTime start)
    {
        var random = new Random(HashCode.Combine(prefix.GetHashCode(StringComparison.Ordinal), batch));
        var text = new StringBuilder(size * 260);
        var at = start.AddSeconds((long)batch * size * 3);
        for (var i = 0; i < size; i++)
        {
            at = at.AddMilliseconds(random.Next(500, 5500));
            var (touchpoint, channel, assisted) = Touchpoints[random.Next(Touchpoints.Length)];
            var customer = random.Next(200_000);
            text.Append(CultureInfo.InvariantCulture,
                $"{{\"event_id\":\"{prefix}-{batch}-{i}\",\"customer\":\"c-{customer:D6}\",\"time\":\"{at:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"touchpoint\":\"{touchpoint}\",\"channel\":\"{channel}\",\"case\":\"case-{customer:D6}-{random.Next(4)}\"");
            if (assisted)
                text.Append(CultureInfo.InvariantCulture, $",\"agent\":\"agent-{random.Next(300):D3}\",\"handling\":{random.Next(30, 1800)}.{random.Next(10)},\"waiting\":{random.Next(0, 600)}");
            if (random.Next(10) < 4) text.Append(CultureInfo.InvariantCulture, $",\"outcome\":\"{Outcomes[random.Next(Outcomes.Length)]}\"");
            if (random.Next(20) == 0) text.Append(CultureInfo.InvariantCulture, $",\"score\":{random.Next(11)},\"score_kind\":\"nps\"");
            if (random.Next(10) < 3) text.Append(CultureInfo.InvariantCulture, $",\"campaign\":\"{Campaigns[random.Next(Campaigns.Length)]}\"");
            text.Append("}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
