namespace Waymark.Analytics.Model;

/// <summary>Which identifier groups events into journeys.</summary>
public enum JourneyKey
{
    Customer,
    Case,
}
