using Waymark.Domain.Evaluations;

namespace Waymark.Storage.Scores;

/// <summary>
/// The latest evaluations of one touchpoint for one persona (or for those without a persona), kept up to date by
/// <see cref="ScoreKeeper"/> in the same save as the evaluations: a current score is read from these few rows
/// instead of from the whole history of evaluations.
/// </summary>
public sealed class KeptScore
{
    private KeptScore() { }

    public KeptScore(Guid workspaceId, Guid touchpointId, LatestEvaluations latest)
    {
        WorkspaceId = workspaceId;
        TouchpointId = touchpointId;
        PersonaId = latest.PersonaId;
        PersonaKey = latest.PersonaId ?? Guid.Empty;
        EvaluatedOn = latest.EvaluatedOn;
        Evaluations = latest.Evaluations;
        ScoreSum = latest.ScoreSum;
        GapSum = latest.GapSum;
        Gaps = latest.Gaps;
    }

    public Guid WorkspaceId { get; private set; }
    public Guid TouchpointId { get; private set; }
    /// <summary>The persona, or <see cref="Guid.Empty"/> for evaluations without one: part of the key, which cannot be empty.</summary>
    public Guid PersonaKey { get; private set; }
    public Guid? PersonaId { get; private set; }
    public DateOnly EvaluatedOn { get; private set; }
    public int Evaluations { get; private set; }
    public int ScoreSum { get; private set; }
    public int GapSum { get; private set; }
    public int Gaps { get; private set; }
}
