using Waymark.Domain.Common;

namespace Waymark.Domain.Organisation;

/// <summary>Someone in the company: owner of touchpoints and actions, or a contact the customer meets.</summary>
public sealed class Person : WorkspaceEntity
{
    private Person() { Name = ""; }

    public Person(Guid workspaceId, string name) : base(workspaceId) => Name = Guard.Required(name, "name");

    public string Name { get; private set; } = "";
    public string? Role { get; private set; }
    public string? Email { get; private set; }
    public Guid? DepartmentId { get; private set; }

    public Person Describe(string name, string? role, string? email, Guid? departmentId)
    {
        Name = Guard.Required(name, "name");
        Role = Guard.Line(role, "role", 200);
        if (email is not null && (email.Length > 254 || !email.Contains('@')))
            throw new DomainRuleException("email", "Email must be an address such as anna@example.com.");
        Email = email;
        DepartmentId = departmentId;
        return this;
    }
}
