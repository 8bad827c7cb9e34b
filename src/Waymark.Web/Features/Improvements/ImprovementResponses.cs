using Waymark.Domain.Improvements;

namespace Waymark.Web.Features.Improvements;

public static partial class ImprovementsApi
{
    public sealed record ImprovementResponse(
        Guid Id,
        ImprovementKind Kind,
        string Title,
        string? Description,
        Guid? OwnerId,
        DateOnly? DueOn,
        ImprovementStatus Status,
        Priority Priority,
        int? Impact,
        int? Effort,
        Guid? TouchpointId,
        Guid? JourneyId,
        Guid? StepId,
        Guid? KpiId,
        Guid? PersonaId,
        DateTimeOffset? CompletedAt,
        bool IsOpen,
        bool IsOverdue,
        int Version)
    {
        public static ImprovementResponse From(Improvement i, DateOnly today) => new(i.Id, i.Kind, i.Title, i.Description, i.OwnerId, i.DueOn,
            i.Status, i.Priority, i.Impact, i.Effort, i.TouchpointId, i.JourneyId, i.StepId, i.KpiId, i.PersonaId, i.CompletedAt,
            i.IsOpen, i.IsOverdue(today), i.Version);
    }
}
