using Waymark.Domain.Common;

namespace Waymark.Domain.Organisation;

/// <summary>A part of the company the customer meets, front stage or back stage, with the problems known to reach customers.</summary>
public sealed class Department : WorkspaceEntity
{
    private Department() { Name = ""; }

    public Department(Guid workspaceId, string name) : base(workspaceId) => Name = Guard.Required(name, "name");

    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public string[] Bottlenecks { get; private set; } = [];
    public string[] Delays { get; private set; } = [];
    public string[] InternalProblems { get; private set; } = [];

    public Department Describe(string name, string? description, IEnumerable<string>? bottlenecks, IEnumerable<string>? delays, IEnumerable<string>? internalProblems)
    {
        Name = Guard.Required(name, "name");
        Description = Guard.Limited(description, "description");
        Bottlenecks = Guard.CleanList(bottlenecks, "bottlenecks");
        Delays = Guard.CleanList(delays, "delays");
        InternalProblems = Guard.CleanList(internalProblems, "internalProblems");
        return this;
    }
}
