using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Storage.Templates;

internal sealed class WorkspaceTemplateConfiguration : IEntityTypeConfiguration<WorkspaceTemplate>
{
    public void Configure(EntityTypeBuilder<WorkspaceTemplate> builder)
    {
        builder.ToTable("workspace_templates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(60);
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Description).HasMaxLength(1000);
        builder.Property(t => t.CreatedBy).HasMaxLength(450);
        builder.Property(t => t.CreatedByName).HasMaxLength(256);
        builder.HasIndex(t => t.Name).IsUnique();
    }
}
