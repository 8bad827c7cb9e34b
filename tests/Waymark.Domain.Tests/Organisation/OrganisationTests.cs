using Waymark.Domain.Organisation;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Organisation;

public class OrganisationTests
{
    [Fact]
    public void A_channel_needs_a_name_and_known_kind_and_reach()
    {
        Rule.Broken("name", () => new Channel(Some.WorkspaceId, " ", ChannelKind.Digital, ChannelReach.Direct));
        Rule.Broken("kind", () => new Channel(Some.WorkspaceId, "Web", (ChannelKind)7, ChannelReach.Direct));
        Rule.Broken("reach", () => new Channel(Some.WorkspaceId, "Web", ChannelKind.Digital, (ChannelReach)7));
    }

    [Fact]
    public void A_channel_keeps_its_description()
    {
        var channel = new Channel(Some.WorkspaceId, " Review portals ", ChannelKind.Digital, ChannelReach.Indirect)
            .Describe("Review portals", ChannelKind.Digital, ChannelReach.Indirect, "Trustpilot, Google");

        Assert.Equal("Review portals", channel.Name);
        Assert.Equal(ChannelReach.Indirect, channel.Reach);
        Assert.Equal("Trustpilot, Google", channel.Description);
    }

    [Fact]
    public void A_department_needs_a_name_and_cleans_its_lists()
    {
        Rule.Broken("name", () => new Department(Some.WorkspaceId, null!));
        var department = new Department(Some.WorkspaceId, "Service");

        department.Describe("Service", null, [" Too few agents ", "", "  "], null, ["Old CRM"]);

        Assert.Equal(["Too few agents"], department.Bottlenecks);
        Assert.Empty(department.Delays);
        Assert.Equal(["Old CRM"], department.InternalProblems);
    }

    [Fact]
    public void A_department_list_holds_at_most_50_entries_of_at_most_500_characters()
    {
        var department = new Department(Some.WorkspaceId, "Service");

        department.Describe("Service", null, Enumerable.Repeat("x", 50), null, null);
        Rule.Broken("bottlenecks", () => department.Describe("Service", null, Enumerable.Repeat("x", 51), null, null));
        Rule.Broken("delays", () => department.Describe("Service", null, null, [Some.Text(501)], null));
        Rule.Broken("internalProblems", () => department.Describe("Service", null, null, null, [Some.Text(501)]));
    }

    [Fact]
    public void A_person_needs_a_name()
    {
        Rule.Broken("name", () => new Person(Some.WorkspaceId, ""));
    }

    [Theory]
    [InlineData("anna.example.com")]
    [InlineData("")]
    public void A_person_email_must_be_an_address(string email)
    {
        var person = new Person(Some.WorkspaceId, "Anna");

        Rule.Broken("email", () => person.Describe("Anna", null, email, null));
    }

    [Fact]
    public void A_person_email_may_be_at_most_254_characters()
    {
        var person = new Person(Some.WorkspaceId, "Anna");
        var longest = Some.Text(242) + "@example.com";

        person.Describe("Anna", "CX lead", longest, null);
        Assert.Equal(254, person.Email!.Length);
        Rule.Broken("email", () => person.Describe("Anna", null, "a" + longest, null));
        Rule.Broken("role", () => person.Describe("Anna", Some.Text(201), null, null));
    }
}
