using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Waymark.Web.Access;

/// <summary>
/// The DbContext a page reads with (<c>UiData.Open</c>) refuses to save: a page changes data only through a use case
/// of <c>Features/</c>, which checks the role, announces the change and words its refusals as the API does
/// (decision 0004). A page that saves anyway fails in its first test instead of slipping past those.
/// </summary>
public sealed class ReadOnlyPageData(CurrentActor actor) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) => Refuse(result);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default) =>
        ValueTask.FromResult(Refuse(result));

    private InterceptionResult<int> Refuse(InterceptionResult<int> result) => actor.ReadsOnly
        ? throw new InvalidOperationException("A page's DbContext only reads: make the change through a use case (UiData.ChangeAsync).")
        : result;
}
