namespace Waymark.Domain.Touchpoints;

/// <summary>The 20 common touchpoint types; <see cref="Custom"/> when none fits and a custom name is given.</summary>
public enum TouchpointCategory
{
    SocialMedia,
    OnlineAd,
    MarketingContent,
    Events,
    PeerReferral,
    ConversationsWithStaff,
    Catalogue,
    ECommerce,
    Reviews,
    PointOfSale,
    ThankYouLetters,
    FeedbackSurveys,
    UpsellEmails,
    Billing,
    Renewals,
    SupportChannels,
    CustomerSuccess,
    Onboarding,
    Loyalty,
    SelfService,
    Custom,
}

/// <summary>How far a touchpoint matches the brand's standards for design, tone of voice or reaction time.</summary>
public enum Compliance { NotAssessed, Compliant, PartlyCompliant, NotCompliant }

public static class TouchpointCategories
{
    /// <summary>The category as a person would write it, e.g. "Upsell e-mails" for <see cref="TouchpointCategory.UpsellEmails"/>.</summary>
    public static string DisplayName(this TouchpointCategory category) => category switch
    {
        TouchpointCategory.SocialMedia => "Social media",
        TouchpointCategory.OnlineAd => "Online ads",
        TouchpointCategory.MarketingContent => "Marketing content",
        TouchpointCategory.Events => "Events",
        TouchpointCategory.PeerReferral => "Peer referrals",
        TouchpointCategory.ConversationsWithStaff => "Conversations with staff",
        TouchpointCategory.Catalogue => "Catalogue",
        TouchpointCategory.ECommerce => "E-commerce",
        TouchpointCategory.Reviews => "Reviews",
        TouchpointCategory.PointOfSale => "Point of sale",
        TouchpointCategory.ThankYouLetters => "Thank-you letters",
        TouchpointCategory.FeedbackSurveys => "Feedback surveys",
        TouchpointCategory.UpsellEmails => "Upsell e-mails",
        TouchpointCategory.Billing => "Billing",
        TouchpointCategory.Renewals => "Renewals",
        TouchpointCategory.SupportChannels => "Customer support",
        TouchpointCategory.CustomerSuccess => "Customer success",
        TouchpointCategory.Onboarding => "Onboarding",
        TouchpointCategory.Loyalty => "Loyalty programme",
        TouchpointCategory.SelfService => "Self-service",
        TouchpointCategory.Custom => "Custom",
        _ => category.ToString(),
    };
}
