using Waymark.Domain.Organisation;
using Waymark.Domain.Touchpoints;
using static Waymark.Domain.Touchpoints.TouchpointCategory;

namespace Waymark.Storage.Demo;

public static partial class LargeWorkspace
{
    /// <summary>A channel and the kinds of touchpoint that happen in it; <paramref name="Department"/> runs it.</summary>
    private sealed record ChannelSpec(string Name, ChannelKind Kind, ChannelReach Reach, int Department, string Description, TouchpointCategory[] Categories);

    private const ChannelKind Digital = ChannelKind.Digital, Analog = ChannelKind.Analog;
    private const ChannelReach Direct = ChannelReach.Direct, Indirect = ChannelReach.Indirect;

    private static readonly ChannelSpec[] ChannelSpecs =
    [
        new("Website", Digital, Direct, 2, "meridian.example: tariffs, coverage map, help centre.", [MarketingContent, ECommerce, SelfService, SupportChannels]),
        new("Web shop", Digital, Direct, 2, "Devices, tariffs, checkout, number porting and credit check.", [ECommerce, UpsellEmails, Renewals, Onboarding]),
        new("Meridian app", Digital, Direct, 2, "Usage, bills, tariff changes, fault reports and loyalty points.", [SelfService, Billing, Loyalty, Onboarding, CustomerSuccess]),
        new("Customer portal", Digital, Direct, 2, "Account, contracts, invoices and orders for households and businesses.", [SelfService, Billing, Renewals]),
        new("Search & display ads", Digital, Direct, 0, "Paid search, shopping ads, banners and retargeting.", [OnlineAd, MarketingContent]),
        new("E-mail", Digital, Direct, 0, "Newsletters, order and service mails, invoices and surveys.", [UpsellEmails, Billing, FeedbackSurveys, ThankYouLetters, Renewals]),
        new("SMS", Digital, Direct, 3, "Activation codes, appointment reminders, outage and usage alerts.", [Onboarding, SupportChannels, Billing, FeedbackSurveys]),
        new("Service hotline", Analog, Direct, 3, "Hotline for private customers, Mon–Sat 7:00–22:00.", [SupportChannels, ConversationsWithStaff, Billing, Renewals]),
        new("Sales hotline", Analog, Direct, 1, "Inbound and outbound telesales.", [ConversationsWithStaff, Renewals, UpsellEmails]),
        new("Live chat", Digital, Direct, 3, "Chat with agents on website, web shop and app.", [SupportChannels, ConversationsWithStaff, SelfService]),
        new("Virtual assistant", Digital, Direct, 2, "Chatbot and voice bot answering first questions.", [SelfService, SupportChannels]),
        new("WhatsApp", Digital, Direct, 3, "WhatsApp Business for service cases and appointment updates.", [SupportChannels, Onboarding, CustomerSuccess]),
        new("Social media", Digital, Direct, 0, "Instagram, TikTok, Facebook, X and YouTube.", [SocialMedia, MarketingContent, SupportChannels]),
        new("Community forum", Digital, Indirect, 3, "Customers helping customers, moderated by Meridian.", [PeerReferral, SelfService, SupportChannels]),
        new("Shops", Analog, Direct, 1, "140 own shops in high streets and malls.", [PointOfSale, ConversationsWithStaff, Catalogue, Onboarding, Events]),
        new("Partner retailers", Analog, Indirect, 9, "Electronics chains and independent dealers selling Meridian plans.", [PointOfSale, Catalogue, ConversationsWithStaff]),
        new("Door-to-door sales", Analog, Direct, 1, "Fibre roll-out sales teams visiting new build-out areas.", [ConversationsWithStaff, Catalogue, Events]),
        new("Field technicians", Analog, Direct, 4, "Installation and repair visits at the customer's home.", [Onboarding, SupportChannels, CustomerSuccess, ThankYouLetters]),
        new("Parcel delivery", Analog, Indirect, 4, "Devices, SIM cards and routers sent by the parcel partner.", [Onboarding, ECommerce]),
        new("Letters", Analog, Direct, 6, "Contracts, invoices on paper, price change notices.", [Billing, Renewals, ThankYouLetters]),
        new("TV & radio", Analog, Direct, 0, "Brand and tariff campaigns.", [MarketingContent, OnlineAd]),
        new("Outdoor & print", Analog, Direct, 0, "Billboards, flyers, the tariff brochure and the device catalogue.", [Catalogue, MarketingContent]),
        new("Events & sponsorship", Analog, Direct, 0, "Football sponsorship, festivals and shop events.", [Events, Loyalty, SocialMedia]),
        new("Review portals", Digital, Indirect, 0, "Trustpilot, app stores, comparison portals and test magazines.", [Reviews, FeedbackSurveys]),
        new("Word of mouth", Analog, Indirect, 7, "Friends, family and neighbours talking about Meridian.", [PeerReferral, Reviews, Loyalty]),
    ];

    /// <summary>What a touchpoint of each category is about; a touchpoint's name combines one with a product line and the channel.</summary>
    private static readonly Dictionary<TouchpointCategory, string[]> Topics = new()
    {
        [SocialMedia] = ["Product reel", "Reply to a public complaint", "Outage update post", "Customer story video", "Live Q&A"],
        [OnlineAd] = ["Search ad", "Retargeting banner", "Comparison-portal listing", "Video pre-roll", "Shopping ad"],
        [MarketingContent] = ["Tariff comparison guide", "Coverage map", "How-to article", "Newsletter feature", "Speed test page"],
        [Events] = ["Product launch event", "Sponsored match screening", "Digital skills workshop", "Shop opening", "Fibre info evening"],
        [PeerReferral] = ["Refer-a-friend bonus", "Family plan invitation", "Neighbour recommendation", "Forum answer", "Member tip"],
        [ConversationsWithStaff] = ["Sales advice", "Contract consultation", "Upgrade conversation", "Technical diagnosis", "Moving-house advice"],
        [Catalogue] = ["Device catalogue", "Tariff brochure", "Accessory leaflet", "Price list", "Offer flyer"],
        [ECommerce] = ["Product page", "Basket & checkout", "Number porting form", "Order tracking", "Credit check"],
        [Reviews] = ["Star rating", "Written review", "Test report", "Reply to a review", "App store rating"],
        [PointOfSale] = ["Contract signing", "Device hand-over", "Payment at the till", "SIM card issue", "Trade-in valuation"],
        [ThankYouLetters] = ["Welcome letter", "Anniversary greeting", "Thank-you after installation", "Loyalty thank-you", "Referral thank-you"],
        [FeedbackSurveys] = ["NPS survey", "Post-contact survey", "Installation survey", "Exit survey", "Shop visit survey"],
        [UpsellEmails] = ["Upgrade offer", "Add-on recommendation", "Data boost offer", "Bundle offer", "Streaming add-on offer"],
        [Billing] = ["Monthly bill", "Direct debit set-up", "Roaming charges notice", "Payment reminder", "Bill explanation"],
        [Renewals] = ["Contract renewal offer", "Device upgrade eligibility", "Price change notice", "Retention offer", "Cancellation confirmation"],
        [SupportChannels] = ["Fault report", "Outage information", "Complaint handling", "Call-back", "Repair status"],
        [CustomerSuccess] = ["Proactive outage credit", "Usage check-in", "Tariff optimisation", "Account review", "Wi-Fi health check"],
        [Onboarding] = ["SIM activation", "Router set-up", "Number porting", "Installation appointment", "Welcome call"],
        [Loyalty] = ["Loyalty points", "Member event tickets", "Partner discount", "Birthday bonus", "Priority access"],
        [SelfService] = ["Account overview", "Data usage check", "Tariff change", "Troubleshooting assistant", "Address change"],
    };

    private static readonly string[] ProductLines = ["mobile contract", "prepaid", "fibre broadband", "TV & streaming", "home phone", "business lines"];

    private sealed partial class Builder
    {
        private readonly List<Channel> _channels = [];

        public void AddChannels()
        {
            foreach (var spec in ChannelSpecs)
            {
                var channel = new Channel(Ws, spec.Name, spec.Kind, spec.Reach).Describe(spec.Name, spec.Kind, spec.Reach, spec.Description);
                _channels.Add(channel);
                Content.Channels.Add(channel);
            }
        }
    }
}
