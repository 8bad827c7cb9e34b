using Waymark.Domain.Common;

namespace Waymark.Domain.Organisation;

/// <summary>A stage of the workspace's customer lifecycle model; ordered by <see cref="Position"/>.</summary>
public sealed class Phase : WorkspaceEntity
{
    public static readonly IReadOnlyList<string> Defaults = ["Awareness", "Consideration", "Purchase", "Usage/Service", "Advocacy"];

    private Phase() { Name = ""; }

    public Phase(Guid workspaceId, string name, int position) : base(workspaceId)
    {
        Name = Guard.Required(name, "name", 100);
        Position = position;
    }

    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public int Position { get; private set; }

    public Phase Describe(string name, string? description)
    {
        Name = Guard.Required(name, "name", 100);
        Description = Guard.Limited(description, "description");
        return this;
    }

    public static IEnumerable<Phase> CreateDefaults(Guid workspaceId) =>
        Defaults.Select((name, i) => new Phase(workspaceId, name, i));

    /// <summary>Moves one phase to a new index and renumbers all so positions stay 0..n-1 without gaps.</summary>
    public static void Reorder(IList<Phase> phases, Guid phaseId, int newIndex)
    {
        var ordered = phases.OrderBy(p => p.Position).ToList();
        var phase = ordered.FirstOrDefault(p => p.Id == phaseId)
            ?? throw new DomainRuleException("phase", "That phase does not belong to this workspace.");
        Guard.InRange(newIndex, 0, ordered.Count - 1, "position");
        ordered.Remove(phase);
        ordered.Insert(newIndex, phase);
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i;
    }
}
