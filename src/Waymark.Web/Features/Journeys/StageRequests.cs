namespace Waymark.Web.Features.Journeys;

/// <summary>Without a name the stage takes the name of its phase; without a position it goes last.</summary>
public sealed record NewStageRequest(string? Name, Guid? PhaseId = null, int? Position = null, string? Description = null);

public sealed record StageRequest(string Name, string? Description = null, Guid? PhaseId = null, int? Version = null);

public sealed record MoveStageRequest(int Position);
