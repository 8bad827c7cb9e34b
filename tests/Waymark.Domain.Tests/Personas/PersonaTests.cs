using Waymark.Domain.Personas;
using Waymark.Domain.Tests.Support;

namespace Waymark.Domain.Tests.Personas;

public class PersonaTests
{
    private static readonly PersonaProfile Anna = new("Anna Schmidt");

    [Fact]
    public void A_persona_needs_a_name_of_at_most_200_characters()
    {
        Rule.Broken("name", () => new Persona(Some.WorkspaceId, "  "));
        Rule.Broken("name", () => Some.Persona().Describe(Anna with { Name = Some.Text(201) }));
    }

    [Fact]
    public void Initials_are_derived_from_the_first_two_words_of_the_name()
    {
        var persona = Some.Persona().Describe(new PersonaProfile("anna  maria schmidt"));

        Assert.Equal("AM", persona.Initials);
        Assert.Equal("ST", Persona.InitialsOf("Smart Tech Tom"));
        Assert.Equal("B", Persona.InitialsOf("Bob"));
    }

    [Fact]
    public void Initials_given_are_kept_trimmed_and_may_be_at_most_4_characters()
    {
        Assert.Equal("AnS", Some.Persona().Describe(Anna with { Initials = " AnS " }).Initials);
        Rule.Broken("initials", () => Some.Persona().Describe(Anna with { Initials = "ABCDE" }));
    }

    [Fact]
    public void A_new_persona_has_initials_derived_from_its_name()
    {
        Assert.Equal("AS", new Persona(Some.WorkspaceId, "Anna Schmidt").Initials);
    }

    [Theory]
    [InlineData("https://example.com/anna.png")]
    [InlineData("http://intranet/anna.jpg")]
    [InlineData("")]
    [InlineData(null)]
    public void A_picture_may_be_an_http_or_https_address_or_absent(string? url)
    {
        var persona = Some.Persona().Describe(Anna with { PictureUrl = url });

        Assert.Equal(url, persona.PictureUrl);
    }

    [Theory]
    [InlineData("ftp://example.com/anna.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/images/anna.png")]
    [InlineData("anna.png")]
    [InlineData("data:image/png;base64,AAAA")]
    public void A_picture_elsewhere_than_an_http_or_https_address_is_rejected(string url)
    {
        Rule.Broken("pictureUrl", () => Some.Persona().Describe(Anna with { PictureUrl = url }));
    }

    [Fact]
    public void A_picture_address_may_be_at_most_2000_characters()
    {
        Rule.Broken("pictureUrl", () => Some.Persona().Describe(Anna with { PictureUrl = "https://example.com/" + Some.Text(1981) }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(37.5)]
    [InlineData(100)]
    public void A_share_of_customers_between_0_and_100_percent_is_accepted(double share)
    {
        Assert.Equal(share, Some.Persona().Describe(Anna with { ShareOfCustomers = share }).ShareOfCustomers);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_share_of_customers_outside_0_to_100_percent_is_rejected(double share)
    {
        Rule.Broken("shareOfCustomers", () => Some.Persona().Describe(Anna with { ShareOfCustomers = share }));
    }

    [Fact]
    public void Text_fields_have_their_length_limits()
    {
        var persona = Some.Persona();

        Rule.Broken("quote", () => persona.Describe(Anna with { Quote = Some.Text(501) }));
        Rule.Broken("description", () => persona.Describe(Anna with { Description = Some.Text(4001) }));
        Rule.Broken("ageBand", () => persona.Describe(Anna with { AgeBand = Some.Text(51) }));
        Rule.Broken("occupation", () => persona.Describe(Anna with { Occupation = Some.Text(201) }));
        Rule.Broken("incomeBand", () => persona.Describe(Anna with { IncomeBand = Some.Text(101) }));
        Rule.Broken("location", () => persona.Describe(Anna with { Location = Some.Text(201) }));
        Rule.Broken("household", () => persona.Describe(Anna with { Household = Some.Text(201) }));
        Rule.Broken("purchasingBehaviour", () => persona.Describe(Anna with { PurchasingBehaviour = Some.Text(4001) }));
        Rule.Broken("goals", () => persona.Describe(Anna with { Goals = [Some.Text(501)] }));
        Rule.Broken("needs", () => persona.Describe(Anna with { Needs = Enumerable.Repeat("n", 51).ToList() }));
        Rule.Broken("frustrations", () => persona.Describe(Anna with { Frustrations = [Some.Text(501)] }));
        Rule.Broken("onlineAffinity", () => persona.Describe(Anna with { OnlineAffinity = (OnlineAffinity)9 }));
    }

    [Fact]
    public void Preferred_channels_are_kept_once_and_empty_ids_dropped()
    {
        var web = Some.Id();
        var phone = Some.Id();

        var persona = Some.Persona().Describe(Anna with { PreferredChannelIds = [web, Guid.Empty, phone, web] });

        Assert.Equal([web, phone], persona.PreferredChannelIds);
    }
}
