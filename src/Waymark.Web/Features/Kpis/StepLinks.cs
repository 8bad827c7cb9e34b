using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Kpis;

public static class StepLinks
{
    /// <summary>Checks the step belongs to a journey of this workspace and, when a journey is named as well, to that journey.</summary>
    public static async Task RequireStepAsync(this WaymarkDb db, CurrentWorkspace ws, Guid? stepId, Guid? journeyId, CancellationToken ct)
    {
        if (stepId is null) return;
        var stepJourney = await db.StepPlaces(ws).Where(p => p.StepId == stepId).Select(p => (Guid?)p.JourneyId).FirstOrDefaultAsync(ct);
        if (stepJourney is null)
            throw new DomainRuleException("stepId", $"There is no journey step with id {stepId} in this workspace.");
        if (journeyId is not null && journeyId != stepJourney)
            throw new DomainRuleException("stepId", "That step belongs to another journey than the one given in journeyId.");
    }

    /// <summary>The journey whose map shows something linked to this journey or step (a KPI, an insight, idea or action); null when on none.</summary>
    public static async Task<Guid?> MapOfAsync(this WaymarkDb db, CurrentWorkspace ws, Guid? journeyId, Guid? stepId, CancellationToken ct) =>
        journeyId ?? (stepId is { } s ? await db.StepPlaces(ws).Where(p => p.StepId == s).Select(p => (Guid?)p.JourneyId).FirstOrDefaultAsync(ct) : null);
}
