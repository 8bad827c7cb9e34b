using Waymark.Domain.Tests.Support;
using Waymark.Domain.Workspaces;

namespace Waymark.Domain.Tests.Workspaces;

public class WorkspaceTests
{
    [Theory]
    [InlineData("tv-retail")]
    [InlineData("ab")]
    [InlineData("9lives")]
    [InlineData("a-")]
    [InlineData("acme-2025")]
    public void A_key_of_lower_case_letters_digits_and_hyphens_is_accepted(string key)
    {
        Assert.Equal(key, Workspace.ValidKey(key));
    }

    [Fact]
    public void A_key_may_be_60_characters_long_but_not_61()
    {
        Assert.Equal(Some.Text(60, 'a'), Workspace.ValidKey(Some.Text(60, 'a')));
        Rule.Broken("key", () => Workspace.ValidKey(Some.Text(61, 'a')));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a")]
    [InlineData("-retail")]
    [InlineData("TV-Retail")]
    [InlineData("tv retail")]
    [InlineData("tv_retail")]
    [InlineData("tv.retail")]
    [InlineData("café")]
    [InlineData(" tv-retail")]
    public void A_key_outside_the_pattern_is_rejected_with_an_example(string? key)
    {
        var ex = Rule.Broken("key", () => Workspace.ValidKey(key));

        Assert.Contains("'tv-retail'", ex.Message);
    }

    [Fact]
    public void A_key_with_a_trailing_line_break_is_rejected()
    {
        Rule.Broken("key", () => Workspace.ValidKey("tv-retail\n"));
    }

    [Fact]
    public void A_new_workspace_keeps_its_key_name_and_description()
    {
        var workspace = new Workspace("tv-retail", "  TV Retail  ", "Stores and web shop");

        Assert.Equal("tv-retail", workspace.Key);
        Assert.Equal("TV Retail", workspace.Name);
        Assert.Equal("Stores and web shop", workspace.Description);
        Assert.NotEqual(Guid.Empty, workspace.Id);
    }

    [Fact]
    public void A_workspace_needs_a_name_of_at_most_200_characters()
    {
        Rule.Broken("name", () => new Workspace("tv-retail", " "));
        Rule.Broken("name", () => new Workspace("tv-retail", Some.Text(201)));
        Assert.Equal(200, new Workspace("tv-retail", Some.Text(200)).Name.Length);
    }

    [Fact]
    public void A_workspace_description_may_be_at_most_4000_characters()
    {
        Rule.Broken("description", () => new Workspace("tv-retail", "TV", Some.Text(4001)));
        var workspace = new Workspace("tv-retail", "TV", Some.Text(4000));

        Rule.Broken("description", () => workspace.Rename("TV", Some.Text(4001)));
    }

    [Fact]
    public void A_workspace_can_be_renamed()
    {
        var workspace = new Workspace("tv-retail", "TV");

        workspace.Rename("TV & Sound", null);

        Assert.Equal("TV & Sound", workspace.Name);
        Assert.Null(workspace.Description);
        Assert.Equal("tv-retail", workspace.Key);
    }

    [Theory]
    [InlineData("Acme TV & Sound", "acme-tv-sound")]
    [InlineData("  --Acme--  ", "acme")]
    [InlineData("ACME 2025", "acme-2025")]
    [InlineData("Müller GmbH", "m-ller-gmbh")]
    [InlineData("x", "workspace")]
    [InlineData("&&&", "workspace")]
    [InlineData("", "workspace")]
    public void A_key_is_made_from_a_name_by_lower_casing_and_joining_words_with_hyphens(string name, string key)
    {
        Assert.Equal(key, Workspace.KeyFromName(name));
    }

    [Fact]
    public void A_key_made_from_a_long_name_is_cut_to_50_characters_without_a_trailing_hyphen()
    {
        // 49 letters, a space, then more: cutting at 50 leaves a trailing hyphen that is trimmed away.
        var name = Some.Text(49, 'a') + " " + Some.Text(20, 'b');

        Assert.Equal(Some.Text(49, 'a'), Workspace.KeyFromName(name));
        Assert.Equal(Some.Text(50, 'c'), Workspace.KeyFromName(Some.Text(80, 'c')));
    }

    [Theory]
    [InlineData("Acme TV & Sound")]
    [InlineData("?")]
    [InlineData("Ünïcödé Ltd.")]
    [InlineData("The quite extraordinarily long name of a company that sells televisions")]
    public void A_key_made_from_any_name_is_a_valid_key(string name)
    {
        var key = Workspace.KeyFromName(name);

        Assert.Equal(key, Workspace.ValidKey(key));
    }
}
