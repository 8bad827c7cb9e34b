using Waymark.Domain.Touchpoints;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Touchpoints;

public class TouchpointTests
{
    private static Touchpoint Create(TouchpointProfile profile) => new(Some.WorkspaceId, profile);

    [Fact]
    public void A_touchpoint_needs_a_name_of_at_most_200_characters()
    {
        Rule.Broken("name", () => Create(Some.TouchpointProfile("")));
        Rule.Broken("name", () => Create(Some.TouchpointProfile(Some.Text(201))));
        Assert.Equal("Hotline", Create(Some.TouchpointProfile(" Hotline ")).Name);
    }

    [Fact]
    public void A_touchpoint_needs_its_channel()
    {
        Rule.Broken("channelId", () => Create(Some.TouchpointProfile() with { ChannelId = Guid.Empty }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Relevance_from_1_to_5_is_accepted(int relevance)
    {
        Assert.Equal(relevance, Create(Some.TouchpointProfile() with { Relevance = relevance }).Relevance);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Relevance_outside_1_to_5_is_rejected_with_its_meaning(int relevance)
    {
        var ex = Rule.Broken("relevance", () => Create(Some.TouchpointProfile() with { Relevance = relevance }));

        Assert.Equal($"Relevance must be between 1 and 5 (1 = minor, 5 = decisive for the customer); {relevance} is outside.", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_custom_category_needs_its_name(string? custom)
    {
        Rule.Broken("customCategory", () => Create(Some.TouchpointProfile() with { Category = TouchpointCategory.Custom, CustomCategory = custom }));
    }

    [Fact]
    public void A_custom_category_name_may_be_at_most_100_characters()
    {
        Rule.Broken("customCategory", () => Create(Some.TouchpointProfile() with { Category = TouchpointCategory.Custom, CustomCategory = Some.Text(101) }));
    }

    [Fact]
    public void A_custom_category_is_shown_by_its_name()
    {
        var touchpoint = Create(Some.TouchpointProfile() with { Category = TouchpointCategory.Custom, CustomCategory = " Trade fair " });

        Assert.Equal("Trade fair", touchpoint.CustomCategory);
        Assert.Equal("Trade fair", touchpoint.CategoryName);
    }

    [Fact]
    public void A_common_category_drops_any_custom_name()
    {
        var touchpoint = Create(Some.TouchpointProfile() with { Category = TouchpointCategory.Custom, CustomCategory = "Trade fair" });

        touchpoint.Describe(Some.TouchpointProfile() with { Category = TouchpointCategory.Billing, CustomCategory = "Trade fair" });

        Assert.Null(touchpoint.CustomCategory);
        Assert.Equal("Billing", touchpoint.CategoryName);
    }

    [Theory]
    [InlineData(TouchpointCategory.UpsellEmails, "Upsell e-mails")]
    [InlineData(TouchpointCategory.SelfService, "Self-service")]
    [InlineData(TouchpointCategory.PointOfSale, "Point of sale")]
    [InlineData(TouchpointCategory.SupportChannels, "Customer support")]
    public void A_common_category_is_shown_in_the_words_a_person_would_write(TouchpointCategory category, string words)
    {
        var touchpoint = Create(Some.TouchpointProfile() with { Category = category });

        Assert.Equal(words, touchpoint.CategoryName);
        Assert.Equal(words, category.DisplayName());
    }

    [Fact]
    public void Every_common_category_has_words_of_its_own_with_spaces_where_the_name_has_several()
    {
        var names = Enum.GetValues<TouchpointCategory>().Select(c => c.DisplayName()).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(Enum.GetValues<TouchpointCategory>(), c =>
            Assert.True(c.ToString().Count(char.IsUpper) == 1 || c.DisplayName() != c.ToString(), $"{c} is shown as its code name"));
    }

    [Fact]
    public void Unknown_enum_values_are_rejected_by_field()
    {
        Rule.Broken("category", () => Create(Some.TouchpointProfile() with { Category = (TouchpointCategory)99 }));
        Rule.Broken("designCompliance", () => Create(Some.TouchpointProfile() with { DesignCompliance = (Compliance)9 }));
        Rule.Broken("tonalityCompliance", () => Create(Some.TouchpointProfile() with { TonalityCompliance = (Compliance)9 }));
        Rule.Broken("reactionTimeCompliance", () => Create(Some.TouchpointProfile() with { ReactionTimeCompliance = (Compliance)9 }));
    }

    [Fact]
    public void Tags_are_trimmed_and_kept_once_ignoring_case()
    {
        var touchpoint = Create(Some.TouchpointProfile() with { Tags = [" vip ", "VIP", "", "returns"] });

        Assert.Equal(["vip", "returns"], touchpoint.Tags);
    }

    [Fact]
    public void Tags_are_at_most_30_of_at_most_60_characters()
    {
        Rule.Broken("tags", () => Create(Some.TouchpointProfile() with { Tags = Enumerable.Range(0, 31).Select(i => $"t{i}").ToList() }));
        Rule.Broken("tags", () => Create(Some.TouchpointProfile() with { Tags = [Some.Text(61)] }));
    }

    [Fact]
    public void An_event_key_is_trimmed_and_a_blank_one_is_none()
    {
        Assert.Equal("call-hotline", Create(Some.TouchpointProfile() with { EventKey = " call-hotline " }).EventKey);
        Assert.Null(Create(Some.TouchpointProfile() with { EventKey = "   " }).EventKey);
        Rule.Broken("eventKey", () => Create(Some.TouchpointProfile() with { EventKey = Some.Text(201) }));
    }

    [Fact]
    public void Phases_are_kept_once_and_flags_as_given()
    {
        var phase = Some.Id();

        var touchpoint = Create(Some.TouchpointProfile() with { PhaseIds = [phase, phase, Guid.Empty], IsPainPoint = true, IsBrandSuccessPoint = true });

        Assert.Equal([phase], touchpoint.PhaseIds);
        Assert.True(touchpoint.IsPainPoint);
        Assert.False(touchpoint.IsMomentOfTruth);
        Assert.True(touchpoint.IsBrandSuccessPoint);
    }
}
