using Waymark.Storage;

namespace Waymark.Web.Infrastructure;

/// <summary>Where a journey step sits: steps carry no workspace of their own, they belong to it through stage and journey.</summary>
public sealed record StepPlace
{
    public Guid StepId { get; init; }
    public Guid JourneyId { get; init; }
}

public static class WorkspaceSteps
{
    /// <summary>Every step of this workspace's journeys, with its journey (Steps → Stages → Journeys).</summary>
    public static IQueryable<StepPlace> StepPlaces(this WaymarkDb db, CurrentWorkspace ws) =>
        from step in db.Steps
        join stage in db.Stages on step.StageId equals stage.Id
        join journey in db.Journeys on stage.JourneyId equals journey.Id
        where journey.WorkspaceId == ws.Id
        select new StepPlace { StepId = step.Id, JourneyId = journey.Id };
}
