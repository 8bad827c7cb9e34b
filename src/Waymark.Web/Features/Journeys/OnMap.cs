using Waymark.Domain.Journeys;

namespace Waymark.Web.Features.Journeys;

/// <summary>What a change of a stage or step answers: the item and its map as saved, so the API can answer either and the page the item's id.</summary>
public sealed record OnMap<T>(Journey Journey, T Item);
