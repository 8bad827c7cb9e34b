using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Domain.Touchpoints;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Scores;

namespace Waymark.Storage.Configurations;

// Rows worked out from the workspace's own rows in the same save (decision 0005): kept scores and workspace stamps.

internal sealed class KeptScoreConfiguration : IEntityTypeConfiguration<KeptScore>
{
    public void Configure(EntityTypeBuilder<KeptScore> builder)
    {
        builder.ToTable("kept_scores");
        builder.HasKey(k => new { k.TouchpointId, k.PersonaKey });
        // Derived rows: they go with their touchpoint and their workspace.
        builder.HasOne<Touchpoint>().WithMany().HasForeignKey(k => k.TouchpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(k => k.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => k.WorkspaceId);
    }
}

internal sealed class WorkspaceStampConfiguration : IEntityTypeConfiguration<WorkspaceStamp>
{
    public void Configure(EntityTypeBuilder<WorkspaceStamp> builder)
    {
        builder.ToTable("workspace_stamps");
        builder.HasKey(s => s.WorkspaceId);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(s => s.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
