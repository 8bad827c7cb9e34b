using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Domain.Personas;

namespace Waymark.Storage.Configurations;

internal sealed class PersonaPictureConfiguration : IEntityTypeConfiguration<PersonaPictureRow>
{
    public void Configure(EntityTypeBuilder<PersonaPictureRow> builder)
    {
        builder.ToTable("persona_pictures");
        builder.HasKey(p => p.PersonaId);
        builder.Property(p => p.ContentType).HasMaxLength(40);
        builder.Property(p => p.Tag).HasMaxLength(40);
        builder.HasOne<Persona>().WithOne().HasForeignKey<PersonaPictureRow>(p => p.PersonaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.WorkspaceId);
    }
}
