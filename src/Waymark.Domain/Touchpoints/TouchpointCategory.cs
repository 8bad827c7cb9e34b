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
